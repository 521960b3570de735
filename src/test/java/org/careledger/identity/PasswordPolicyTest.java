package org.careledger.identity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordPolicyTest {

    @ParameterizedTest
    @NullAndEmptySource
    void noPasswordAsksForOne(String password) {
        assertThatThrownBy(() -> PasswordPolicy.check(password)).isInstanceOf(FieldRuleViolation.class)
                .hasMessage("Choose a password");
    }

    @Test
    void sevenCharactersAreRefusedEightAccepted() {
        assertThatThrownBy(() -> PasswordPolicy.check("kxq7-vb"))
                .isInstanceOf(FieldRuleViolation.class)
                .hasMessage("A password has at least 8 characters");
        assertThatCode(() -> PasswordPolicy.check("kxq7-vbz")).doesNotThrowAnyException();
    }

    @Test
    void lengthCountsCharactersNotUtf16Units() {
        // four emoji are eight UTF-16 units but four characters
        assertThatThrownBy(() -> PasswordPolicy.check("🔑🔒🗝🔓")).hasMessage("A password has at least 8 characters");
    }

    @Test
    void longPassphrasesAreAcceptedUpTo128Characters() {
        assertThatCode(() -> PasswordPolicy.check("x7".repeat(32))).doesNotThrowAnyException();
        assertThatCode(() -> PasswordPolicy.check("y8".repeat(64))).doesNotThrowAnyException();
        assertThatThrownBy(() -> PasswordPolicy.check("y8".repeat(64) + "z"))
                .isInstanceOf(FieldRuleViolation.class)
                .hasMessage("A password has at most 128 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"password", "12345678", "qwerty123", "PASSWORD1", "PassWord", "Password1"})
    void commonPasswordsAreRefusedWhateverTheirCase(String password) {
        assertThatThrownBy(() -> PasswordPolicy.check(password))
                .isInstanceOf(FieldRuleViolation.class)
                .hasMessage("This password is too common and easily guessed; choose another");
    }

    @Test
    void thePasswordMustNotEqualTheEmailAddress() {
        assertThatThrownBy(() -> PasswordPolicy.check("Jane.Doe@example.org", "jane.doe@example.org"))
                .isInstanceOf(FieldRuleViolation.class)
                .hasMessage("A password must not be your email address or username");
        assertThatThrownBy(() -> PasswordPolicy.check("jane.doe@example.org", null, " Jane.Doe@Example.org "))
                .hasMessage("A password must not be your email address or username");
    }

    @Test
    void aPasswordThatOnlyContainsTheEmailIsAccepted() {
        assertThatCode(() -> PasswordPolicy.check("jane.doe@example.org!x", "jane.doe@example.org")).doesNotThrowAnyException();
    }

    @Test
    void noCompositionRulesApply() {
        assertThatCode(() -> PasswordPolicy.check("correct horse battery staple")).doesNotThrowAnyException();
        assertThatCode(() -> PasswordPolicy.check("zqxjvkwpmf")).doesNotThrowAnyException();
    }

    @Test
    void theCommonListIsLoadedAndCommentLinesAreNotPasswords() {
        org.assertj.core.api.Assertions.assertThat(PasswordPolicy.isCommon("letmein")).isTrue();
        org.assertj.core.api.Assertions.assertThat(PasswordPolicy.isCommon("#!comment:")).isFalse();
    }
}
