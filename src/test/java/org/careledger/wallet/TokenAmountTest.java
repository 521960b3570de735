package org.careledger.wallet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenAmountTest {

    @Test
    void anAmountIsReadAsTokensWithUpToSixDecimals() {
        assertThat(TokenAmount.parse("12.5").baseUnits()).isEqualTo(12_500_000);
        assertThat(TokenAmount.parse(" 0.000001 ").baseUnits()).isEqualTo(1);
        assertThat(TokenAmount.parse("3").baseUnits()).isEqualTo(3_000_000);
        assertThat(TokenAmount.parse(".5").baseUnits()).isEqualTo(500_000);
        assertThat(TokenAmount.parse("1.5000000").baseUnits()).as("trailing zeros are no extra precision").isEqualTo(1_500_000);
        assertThat(TokenAmount.parse("9223372036854.775807").baseUnits()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void eachBadAmountIsRefusedOnTheAmountFieldSayingWhy() {
        assertRefused("", "Enter an amount in tokens");
        assertRefused("abc", "Enter the amount as a number of tokens");
        assertRefused("1,5", "Enter the amount as a number of tokens");
        assertRefused("1e3", "Enter the amount as a number of tokens");
        assertRefused("0", "Enter an amount of more than zero");
        assertRefused("0.000000", "Enter an amount of more than zero");
        assertRefused("-1", "An amount cannot be negative");
        assertRefused("1.0000001", "Tokens have at most 6 decimals");
        assertRefused("9223372036854.775808", "That is more than any wallet can hold (at most 9,223,372,036,854.775807 tokens)");
    }

    @Test
    void baseUnitsAreShownAsTokensWithTheirDecimalsOnly() {
        assertThat(TokenAmount.format(1_234_500_000)).isEqualTo("1,234.5");
        assertThat(TokenAmount.format(1)).isEqualTo("0.000001");
        assertThat(TokenAmount.format(0)).isEqualTo("0");
        assertThat(TokenAmount.format(-250_000)).isEqualTo("-0.25");
        assertThat(new TokenAmount(12_500_000).toString()).isEqualTo("12.5 tokens");
    }

    private static void assertRefused(String typed, String message) {
        assertThatThrownBy(() -> TokenAmount.parse(typed)).isInstanceOfSatisfying(InvalidTransferException.class, e -> {
            assertThat(e.field()).isEqualTo(InvalidTransferException.AMOUNT);
            assertThat(e.plainMessage()).startsWith(message);
        });
    }
}
