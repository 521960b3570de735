package org.careledger.node;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LedgerSettingsTest {

    private static LedgerSettings withProviderFloat(String tokens) {
        return new LedgerSettings(1, 1000, 5, BigDecimal.TEN, 1_000_000, new BigDecimal(tokens));
    }

    @Test
    void aProvidersFloatIsTokensWithUpToSixDecimals() {
        assertThat(withProviderFloat("10").providerFloatBaseUnits()).isEqualTo(10_000_000);
        assertThat(withProviderFloat("0.1").providerFloatBaseUnits()).isEqualTo(100_000);
        assertThat(withProviderFloat("0.000001").providerFloatBaseUnits()).isEqualTo(1);
        assertThat(withProviderFloat("0").providerFloatBaseUnits()).isZero();
    }

    @Test
    void aFloatFinerThanABaseUnitNegativeOrBeyondALongIsRefusedAtStart() {
        assertThatThrownBy(() -> withProviderFloat("0.0000001")).hasMessageContaining("at most six decimals");
        assertThatThrownBy(() -> withProviderFloat("-1")).hasMessageContaining("never negative");
        assertThatThrownBy(() -> withProviderFloat("10000000000000")).hasMessageContaining("at most six decimals");
    }
}
