package org.careledger.pharmacy.internal;

import org.careledger.pharmacy.RxNormCode;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DuplicateTherapyTest {

    private static final String LISINOPRIL_10 = "314076";
    private static final String LISINOPRIL_20 = "314077";
    private static final String ENALAPRIL_10 = "858817";
    private static final String ACETAMINOPHEN_500 = "198440";
    private static final String ACETAMINOPHEN_HYDROCODONE = "856987";
    private static final String IBUPROFEN_200 = "310965";

    private static final DuplicateTherapy DUPLICATES = DuplicateTherapy.bundled();

    @Test
    void anActivePrescriptionOfTheSameMedicineIsADuplicate() {
        assertThat(DUPLICATES.check(LISINOPRIL_10, List.of(LISINOPRIL_10))).singleElement().satisfies(duplicate -> {
            assertThat(duplicate.kind()).isEqualTo(DuplicateTherapy.Kind.SAME_MEDICINE);
            assertThat(duplicate.reason()).isEqualTo("an active prescription is already for lisinopril 10 MG Oral Tablet");
        });
    }

    @Test
    void anotherStrengthOrACombinationWithTheSameIngredientIsADuplicate() {
        assertThat(DUPLICATES.check(LISINOPRIL_10, List.of(LISINOPRIL_20))).singleElement()
                .extracting(DuplicateTherapy.Duplicate::kind).isEqualTo(DuplicateTherapy.Kind.SAME_INGREDIENT);
        assertThat(DUPLICATES.check(ACETAMINOPHEN_500, List.of(IBUPROFEN_200, ACETAMINOPHEN_HYDROCODONE))).singleElement()
                .satisfies(duplicate -> {
                    assertThat(duplicate.active()).isEqualTo(RxNormCode.of(ACETAMINOPHEN_HYDROCODONE));
                    assertThat(duplicate.ingredient().name()).isEqualTo("acetaminophen");
                    assertThat(duplicate.reason()).isEqualTo("Acetaminophen 500 MG Oral Tablet and the active"
                            + " Acetaminophen 300 MG / Hydrocodone Bitartrate 5 MG Oral Tablet both contain acetaminophen");
                });
    }

    @Test
    void anotherMemberOfTheSameClassIsNoDuplicate() {
        assertThat(DUPLICATES.check(ENALAPRIL_10, List.of(LISINOPRIL_10, LISINOPRIL_20))).isEmpty();
        assertThat(DUPLICATES.check(ENALAPRIL_10, List.of())).isEmpty();
    }

    @Test
    void anActiveMedicineListedTwiceIsReportedOnce() {
        assertThat(DUPLICATES.check(LISINOPRIL_10, List.of(LISINOPRIL_20, LISINOPRIL_20, LISINOPRIL_10)))
                .extracting(DuplicateTherapy.Duplicate::active)
                .containsExactly(RxNormCode.of(LISINOPRIL_20), RxNormCode.of(LISINOPRIL_10));
    }

    @Test
    void aNewMedicineOutsideTheCatalogueOrAMalformedCodeIsRefused() {
        assertThatThrownBy(() -> DUPLICATES.check("29046", List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not in the medicine catalogue");
        assertThatThrownBy(() -> DUPLICATES.check(LISINOPRIL_10, List.of("lisinopril"))).isInstanceOf(IllegalArgumentException.class);
    }
}
