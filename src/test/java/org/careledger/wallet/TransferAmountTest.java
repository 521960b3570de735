package org.careledger.wallet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A transfer's amount: an amount of tokens (common.TokenAmount) of more than zero, each refusal on the amount field. */
class TransferAmountTest {

    @Test
    void anAmountIsReadAsTokensWithUpToSixDecimals() {
        assertThat(WalletService.transferAmount("12.5")).isEqualTo(12_500_000);
        assertThat(WalletService.transferAmount(" 0.000001 ")).isEqualTo(1);
        assertThat(WalletService.transferAmount("3")).isEqualTo(3_000_000);
        assertThat(WalletService.transferAmount(".5")).isEqualTo(500_000);
        assertThat(WalletService.transferAmount("1.5000000")).as("trailing zeros are no extra precision").isEqualTo(1_500_000);
        assertThat(WalletService.transferAmount("9223372036854.775807")).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void eachBadAmountIsRefusedOnTheAmountFieldSayingWhy() {
        assertRefused("", "Enter an amount in tokens");
        assertRefused("abc", "Not a number of tokens");
        assertRefused("1,5", "Write the amount with a point for decimals");
        assertRefused("1e3", "Not a number of tokens");
        assertRefused("0", "Enter an amount of more than zero");
        assertRefused("0.000000", "Enter an amount of more than zero");
        assertRefused("-1", "An amount cannot be negative");
        assertRefused("1.0000001", "At most 6 decimals");
        assertRefused("9223372036854.775808", "That is more than the ledger can hold (at most 9,223,372,036,854.775807 tokens)");
    }

    private static void assertRefused(String typed, String message) {
        assertThatThrownBy(() -> WalletService.transferAmount(typed)).isInstanceOfSatisfying(InvalidTransferException.class, e -> {
            assertThat(e.field()).isEqualTo(InvalidTransferException.AMOUNT);
            assertThat(e.plainMessage()).startsWith(message);
        });
    }
}
