package org.careledger.records;

import java.util.stream.Stream;

import org.careledger.common.InvalidInputException;
import org.careledger.contracts.RecordCategory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * An entry's single-line parts (code system, code, and the display text: a diagnosis's name, a
 * medicine, a substance, what was measured) are refused with a line break or control character in
 * them, never quietly changed; its free text (a note, a comment, a value) keeps its lines.
 */
class EntryRulesTest {

    private static final String ONE_LINE = "Use one line, without control characters";

    /** CR, LF, CR LF, TAB, NUL, ESC, DEL, NEL, CSI, and the Unicode line and paragraph separators. */
    static Stream<String> lineBreakers() {
        return Stream.of("\r", "\n", "\r\n", "\t", "\u0000", "\u001B", "\u007F", "\u0085", "\u009B", "\u2028", "\u2029");
    }

    @ParameterizedTest
    @MethodSource("lineBreakers")
    void aDiagnosisCodeWithAControlCharacterIsRefused(String c) {
        assertOneLineAsked(RecordCategory.DIAGNOSIS, EntryContent.coded(EntryRules.SNOMED, "44054006" + c, "Diabetes mellitus type 2", null), "code");
        assertOneLineAsked(RecordCategory.DIAGNOSIS, EntryContent.coded(EntryRules.ICD10, "E11" + c + ".9", "Type 2 diabetes", null), "code");
    }

    @ParameterizedTest
    @MethodSource("lineBreakers")
    void aCodeSystemWithAControlCharacterIsRefused(String c) {
        assertOneLineAsked(RecordCategory.DIAGNOSIS, EntryContent.coded(EntryRules.SNOMED + c, "44054006", "Diabetes mellitus type 2", null), "codeSystem");
    }

    @ParameterizedTest
    @MethodSource("lineBreakers")
    void aDiagnosisNameMedicineOrSubstanceWithAControlCharacterIsRefused(String c) {
        assertOneLineAsked(RecordCategory.DIAGNOSIS, EntryContent.coded(EntryRules.SNOMED, "44054006", "Diabetes" + c + "mellitus", null), "display");
        assertOneLineAsked(RecordCategory.MEDICATION, EntryContent.coded(EntryRules.RXNORM, "860975", "Metformin 500 mg" + c, null), "display");
        assertOneLineAsked(RecordCategory.ALLERGY, EntryContent.coded(null, null, c + "Penicillin", "hives"), "display");
    }

    @ParameterizedTest
    @MethodSource("lineBreakers")
    void whatWasMeasuredWithAControlCharacterIsRefused(String c) {
        assertOneLineAsked(RecordCategory.VITAL_SIGNS, EntryContent.measurement("Blood" + c + "pressure", "120/80 mmHg"), "display");
        assertOneLineAsked(RecordCategory.LAB_RESULT, EntryContent.measurement("HbA1c" + c, "48 mmol/mol"), "display");
    }

    @Test
    void aNoteACommentAndAValueKeepTheirLines() {
        assertThat(EntryRules.check(RecordCategory.CLINICAL_NOTE, EntryContent.note("Seen today.\nPlan: review in 2 weeks.")).text())
                .isEqualTo("Seen today.\nPlan: review in 2 weeks.");
        assertThat(EntryRules.check(RecordCategory.ALLERGY, EntryContent.coded(null, null, "Penicillin", "hives\nsince 2019")).text())
                .isEqualTo("hives\nsince 2019");
        assertThat(EntryRules.check(RecordCategory.LAB_RESULT, EntryContent.measurement("Lipid panel", "LDL 2.1 mmol/L\nHDL 1.4 mmol/L")).text())
                .isEqualTo("LDL 2.1 mmol/L\nHDL 1.4 mmol/L");
    }

    @Test
    void singleLinePartsWithoutControlCharactersAreKeptAsTyped() {
        EntryContent checked = EntryRules.check(RecordCategory.DIAGNOSIS,
                EntryContent.coded(EntryRules.SNOMED, " 44054006 ", "  Diabetes mellitus type 2 ", null));
        assertThat(checked.code()).isEqualTo("44054006");
        assertThat(checked.display()).isEqualTo("Diabetes mellitus type 2");
    }

    @Test
    void aMedicineIsCodedInRxNormAndAnAllergyInSnomedCtOrRxNorm() {
        assertThat(refusal(RecordCategory.MEDICATION, EntryContent.coded(EntryRules.SNOMED, "387517004", "Paracetamol 500 mg", null)))
                .containsEntry("codeSystem", "A medicine is coded in RxNorm");
        assertThat(EntryRules.check(RecordCategory.MEDICATION, EntryContent.coded(EntryRules.RXNORM, "860975", "Metformin 500 mg", null))
                .codeSystem()).isEqualTo("RxNorm");
        assertThat(refusal(RecordCategory.ALLERGY, EntryContent.coded(EntryRules.ICD10, "Z88.0", "Penicillin", null)))
                .containsEntry("codeSystem", "An allergy's substance is coded in SNOMED CT, or in RxNorm for a medicine");
        assertThat(EntryRules.check(RecordCategory.ALLERGY, EntryContent.coded(EntryRules.RXNORM, "7980", "Penicillin G", null)).code())
                .isEqualTo("7980");
        assertThat(EntryRules.codeSystemsFor(RecordCategory.MEDICATION)).containsExactly(EntryRules.RXNORM);
        assertThat(EntryRules.codeSystemsFor(RecordCategory.CLINICAL_NOTE)).isEmpty();
    }

    @Test
    void aDiagnosisWithoutItsNameIsAskedForItPlainly() {
        assertThat(refusal(RecordCategory.DIAGNOSIS, EntryContent.coded(EntryRules.SNOMED, "44054006", null, null)))
                .containsEntry("display", "Enter the diagnosis's name, for example Type 2 diabetes mellitus");
    }

    @Test
    void anEntryIsDatedTodayUnlessGivenADateNeitherInTheFutureNorBefore1900() {
        java.time.Clock clock = java.time.Clock.fixed(java.time.Instant.parse("2026-12-06T10:00:00Z"), java.time.ZoneOffset.UTC);
        assertThat(EntryRules.clinicalDate(null, clock)).isEqualTo(java.time.LocalDate.of(2026, 12, 6));
        assertThat(EntryRules.clinicalDate(java.time.LocalDate.of(2014, 3, 9), clock)).isEqualTo(java.time.LocalDate.of(2014, 3, 9));
        assertThat(EntryRules.clinicalDate(java.time.LocalDate.of(2026, 12, 7), clock)).as("already tomorrow east of UTC")
                .isEqualTo(java.time.LocalDate.of(2026, 12, 7));
        assertThat(catchThrowableOfType(InvalidInputException.class, () -> EntryRules.clinicalDate(java.time.LocalDate.of(2026, 12, 8), clock))
                .fieldErrors()).containsEntry("clinicalDate", "The date cannot be in the future");
        assertThat(catchThrowableOfType(InvalidInputException.class, () -> EntryRules.clinicalDate(java.time.LocalDate.of(1899, 12, 31), clock))
                .fieldErrors()).containsEntry("clinicalDate", "Give a date in 1900 or later");
    }

    private static java.util.Map<String, String> refusal(RecordCategory category, EntryContent content) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> EntryRules.check(category, content));
        assertThat(e).as("%s refused", content).isNotNull();
        return e.fieldErrors();
    }

    private static void assertOneLineAsked(RecordCategory category, EntryContent content, String field) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> EntryRules.check(category, content));
        assertThat(e).as("%s refused", content).isNotNull();
        assertThat(e.fieldErrors()).containsEntry(field, ONE_LINE);
    }
}
