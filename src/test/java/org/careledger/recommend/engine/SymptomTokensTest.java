package org.careledger.recommend.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class SymptomTokensTest {

    @Test
    void oddTokensAreSkippedAndTheRestRead() {
        Map<String, Integer> read = SymptomTokens.parse("Cough:25:0;;Fever;:30;Headache:abc;Sore Throat: 42 :1:extra;Rash:250;Chills:-3");
        assertThat(read).containsExactlyInAnyOrderEntriesOf(Map.of("Cough", 25, "Sore Throat", 42, "Rash", 100, "Chills", 0));
    }

    @Test
    void nothingToReadGivesNoSymptoms() {
        assertThat(SymptomTokens.parse(null)).isEmpty();
        assertThat(SymptomTokens.parse("")).isEmpty();
        assertThat(SymptomTokens.parse(";;:;")).isEmpty();
    }

    @Test
    void aSymptomNamedTwiceKeepsItsHighestSeverity() {
        assertThat(SymptomTokens.parse("Fever:10;Fever:40")).isEqualTo(Map.of("Fever", 40));
    }

    @Test
    void theStoredFormReadsBackTheSame() {
        Map<String, Integer> severities = Map.of("Runny/Stuffy Nose", 6, "Cough", 25);
        assertThat(SymptomTokens.parseStored(SymptomTokens.format(severities))).isEqualTo(severities);
    }

    @Test
    void aReportRefusesSeveritiesOutsideZeroToHundred() {
        assertThatThrownBy(() -> new SymptomReport(30, Sex.MALE, Map.of("Fever", 101))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SymptomReport(-1, Sex.MALE, Map.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void csvFieldsWithCommasAndQuotesSurviveARoundTrip() {
        String line = Csv.line("a,b", "say \"hi\"", 3);
        assertThat(Csv.split(line)).containsExactly("a,b", "say \"hi\"", "3");
    }
}
