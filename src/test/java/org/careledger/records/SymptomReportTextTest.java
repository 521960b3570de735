package org.careledger.records;

import java.util.LinkedHashMap;
import java.util.Map;

import org.careledger.common.InvalidInputException;
import org.careledger.contracts.RecordCategory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SymptomReportTextTest {

    private static Map<String, Integer> ordered(Object... pairs) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put((String) pairs[i], (Integer) pairs[i + 1]);
        }
        return out;
    }

    @Test
    void aReportIsWrittenAsLinesAndReadBackTheSameInTheSameOrder() {
        SymptomReportText report = new SymptomReportText("female", ordered("Sore Throat", 42, "Fever", 44, "Runny/Stuffy Nose", 0));
        EntryContent content = EntryRules.check(RecordCategory.SYMPTOM_REPORT, report.toContent());

        assertThat(content.text()).isEqualTo("Sex: female\nSore Throat: 42\nFever: 44\nRunny/Stuffy Nose: 0");
        assertThat(content.display()).isEqualTo("Symptom report: sore throat, fever, runny/stuffy nose");
        SymptomReportText back = SymptomReportText.parse(content.text()).orElseThrow();
        assertThat(back.sex()).isEqualTo("female");
        assertThat(back.severities()).containsExactly(Map.entry("Sore Throat", 42), Map.entry("Fever", 44), Map.entry("Runny/Stuffy Nose", 0));
    }

    @Test
    void withoutASexTheReportHasOnlyItsSymptoms() {
        SymptomReportText report = new SymptomReportText(null, ordered("Cough", 25));
        assertThat(report.toContent().text()).isEqualTo("Cough: 25");
        assertThat(SymptomReportText.parse("Cough: 25").orElseThrow().sex()).isNull();
    }

    @Test
    void aSeverityOutOfRangeAnEmptyReportOrAColonInANameIsRefusedWithItsReason() {
        assertThatThrownBy(() -> new SymptomReportText(null, ordered("Fever", 101)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("severity from 0 to 100 (Fever)");
        assertThatThrownBy(() -> new SymptomReportText(null, Map.of()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Choose at least one symptom");
        assertThatThrownBy(() -> new SymptomReportText(null, ordered("Pain: left side", 3)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("without a colon");
        assertThatThrownBy(() -> new SymptomReportText("other", ordered("Fever", 3)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("female or male");
    }

    @Test
    void anEntryWhoseTextIsNotAReportIsRefusedAsASymptomReport() {
        assertThatThrownBy(() -> EntryRules.check(RecordCategory.SYMPTOM_REPORT, EntryContent.note("I feel unwell")))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).fieldErrors()).containsKey("text"));
        assertThatThrownBy(() -> EntryRules.check(RecordCategory.SYMPTOM_REPORT, EntryContent.note("Fever: high")))
                .isInstanceOf(InvalidInputException.class);
        assertThat(SymptomReportText.parse("Fever: 30\nnot a line")).isEmpty();
    }
}
