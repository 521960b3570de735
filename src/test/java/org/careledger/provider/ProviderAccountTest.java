package org.careledger.provider;

import java.util.OptionalLong;

import org.careledger.crypto.Address;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProviderAccountTest {

    private static final Address SOME = Address.parse("0x000000000000000000000000000000000000dEaD");

    private static String shown(long baseUnits) {
        return new ProviderAccount(SOME, OptionalLong.of(baseUnits)).balanceInTokens();
    }

    @Test
    void aBalanceIsShownInTokensWithAtMostSixDecimalsGroupedByThousands() {
        assertThat(shown(0)).isEqualTo("0");
        assertThat(shown(10_000_000)).isEqualTo("10");
        assertThat(shown(9_990_000)).isEqualTo("9.99");
        assertThat(shown(1)).isEqualTo("0.000001");
        assertThat(shown(1_234_500_000)).isEqualTo("1,234.5");
        assertThat(shown(Long.MAX_VALUE)).isEqualTo("9,223,372,036,854.775807");
    }

    @Test
    void aBalanceTheLedgerCannotTellIsADash() {
        assertThat(new ProviderAccount(SOME, OptionalLong.empty()).balanceInTokens()).isEqualTo("—");
    }
}
