package org.careledger.provider;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ProviderRulesTest {

    private static final String ONE_LINE = "Use one line, without control characters";

    @ParameterizedTest
    @ValueSource(strings = {"\r", "\n", "\t", "\u0000", "\u001B", "\u007F", "\u0085", "\u2028", "\u2029"})
    void aNameWithAControlCharacterAnywhereIsRefusedNotTrimmed(String c) {
        assertThat(nameErrors("St. Mary's" + c + "Annex")).containsExactly(Map.entry("name", ONE_LINE));
        assertThat(nameErrors("St. Mary's Annex" + c)).containsExactly(Map.entry("name", ONE_LINE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\r", "\n", "\t", "\u0000", "\u001B", "\u007F", "\u0085", "\u2028", "\u2029"})
    void anAddressWithAControlCharacterAnywhereIsRefusedNotTrimmed(String c) {
        assertThat(addressErrors("1 Praed Street" + c + "London")).containsExactly(Map.entry("address", ONE_LINE));
        assertThat(addressErrors(c + "1 Praed Street, London")).containsExactly(Map.entry("address", ONE_LINE));
    }

    @Test
    void aNameAndAnAddressOnOneLineAreTrimmed() {
        Map<String, String> errors = new LinkedHashMap<>();
        assertThat(ProviderRules.name("  St. Mary's General Hospital ", errors)).isEqualTo("St. Mary's General Hospital");
        assertThat(ProviderRules.address(" 1 Praed Street, London ", errors)).isEqualTo("1 Praed Street, London");
        assertThat(errors).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"<img src=x onerror=alert(1)>", "Clinic 24", "A&E Unit", "St. Mary's (North)", "...", "http://x.example"})
    void aNameWithAnythingButAPersonsNameCharactersIsRefused(String name) {
        assertThat(nameErrors(name)).containsExactly(Map.entry("name", "Use letters, spaces, apostrophes, periods and hyphens only"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"St. Mary's General Hospital", "Hôpital Necker-Enfants malades", "北京协和医院", "Apotheke am Markt"})
    void aNameInAnyScriptWithApostrophesPeriodsAndHyphensIsKept(String name) {
        assertThat(nameErrors(name)).isEmpty();
    }

    @Test
    void aMissingOrTooLongValueAsksForOneOfTheRightLength() {
        assertThat(nameErrors("  ")).containsEntry("name", "Enter the provider's name (1 to 120 characters)");
        assertThat(nameErrors("x".repeat(121))).containsEntry("name", "Enter the provider's name (1 to 120 characters)");
        assertThat(addressErrors(null)).containsEntry("address", "Enter the provider's address (1 to 300 characters)");
        assertThat(addressErrors("x".repeat(301))).containsEntry("address", "Enter the provider's address (1 to 300 characters)");
    }

    private static Map<String, String> nameErrors(String raw) {
        Map<String, String> errors = new LinkedHashMap<>();
        ProviderRules.name(raw, errors);
        return errors;
    }

    private static Map<String, String> addressErrors(String raw) {
        Map<String, String> errors = new LinkedHashMap<>();
        ProviderRules.address(raw, errors);
        return errors;
    }
}
