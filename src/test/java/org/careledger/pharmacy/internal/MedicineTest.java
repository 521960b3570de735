package org.careledger.pharmacy.internal;

import org.careledger.pharmacy.RxNormCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MedicineTest {

    private static final RxNormCode CODE = RxNormCode.of("308182");

    @Test
    void aNegativePriceABlankNameOrALineBreakIsRefused() {
        assertThatThrownBy(() -> new Medicine(CODE, "Amoxicillin", "", -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unit price");
        assertThatThrownBy(() -> new Medicine(CODE, " ", "", 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("name");
        assertThatThrownBy(() -> new Medicine(CODE, "Amoxicillin\n250 MG", "", 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one line");
        assertThatThrownBy(() -> new Medicine(CODE, "Amoxicillin", null, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thePriceInTokensIsExactToTheBaseUnit() {
        assertThat(new Medicine(CODE, "Alteplase", "", 96_664_555_000L).unitPriceInTokens()).hasToString("96664.555");
        assertThat(new Medicine(CODE, "Acetaminophen", "", 10_000L).unitPriceInTokens()).hasToString("0.01");
        assertThat(new Medicine(CODE, "Amoxicillin", "", 1L).unitPriceInTokens()).hasToString("0.000001");
        assertThat(new Medicine(CODE, "Mirena", "", 10_000_000L).unitPriceInTokens()).hasToString("10");
        assertThat(new Medicine(CODE, "Amoxicillin", "", Long.MAX_VALUE).unitPriceInTokens()).hasToString("9223372036854.775807");
    }
}
