package org.careledger.install;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExtensionContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * Without a PostgreSQL server the PostgreSQL tests are skipped with a message saying how to run
 * them, and fail under CI=true; a URL that is given but does not answer fails everywhere.
 */
class PostgresSupportTest {

    private final ExtensionContext context = mock(ExtensionContext.class);

    PostgresSupportTest() {
        when(context.getDisplayName()).thenReturn("PostgresPortalTest");
        when(context.getTestMethod()).thenReturn(Optional.<Method>empty());
    }

    @Test
    void skipsTheClassSayingHowToRunItWhenNoUrlIsGiven() {
        ConditionEvaluationResult result = new PostgresSupport(Map.<String, String>of()::get).evaluateExecutionCondition(context);
        assertThat(result.isDisabled()).isTrue();
        assertThat(result.getReason()).hasValueSatisfying(reason -> assertThat(reason)
                .contains("POSTGRESQL TESTS SKIPPED", PostgresSupport.URL_VARIABLE, "Running on PostgreSQL"));
    }

    @Test
    void failsUnderCiWhenNoUrlIsGiven() {
        assertThatThrownBy(() -> new PostgresSupport(Map.of("CI", "true")::get).evaluateExecutionCondition(context))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("POSTGRESQL TESTS FAILED")
                .hasMessageContaining(PostgresSupport.URL_VARIABLE);
    }

    @Test
    void failsWhenTheGivenServerDoesNotAnswer() {
        PostgresSupport support = new PostgresSupport(Map.of(PostgresSupport.URL_VARIABLE,
                "jdbc:postgresql://127.0.0.1:1/nothing?connectTimeout=2", "CARELEDGER_TEST_POSTGRES_USER", "nobody")::get);
        assertThatThrownBy(() -> support.evaluateExecutionCondition(context))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not answer");
    }
}
