package org.careledger.common;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a person types as an amount of tokens: read exactly into base units, or refused at its field with why. */
class TokenAmountTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "12         | 12000000     | 12",
            "12.5       | 12500000     | 12.5",
            "' 1234.50 ' | 1234500000  | 1,234.5",
            "0.000001   | 1            | 0.000001",
            ".5         | 500000       | 0.5",
            "0          | 0            | 0",
            "9223372036854.775807 | 9223372036854775807 | 9,223,372,036,854.775807"})
    void anAmountIsReadExactlyAndWrittenAsAPersonReadsIt(String typed, long baseUnits, String shown) {
        TokenAmount amount = TokenAmount.parse(typed, "amount");
        assertThat(amount.baseUnits()).isEqualTo(baseUnits);
        assertThat(amount.format()).isEqualTo(shown);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''                   | Enter an amount in tokens, for example 12.5",
            "-5                   | An amount cannot be negative",
            "twelve               | Not a number of tokens: use digits and at most one point, as 12.5",
            "1e6                  | Not a number of tokens: use digits and at most one point, as 12.5",
            "1.2.3                | Not a number of tokens: use digits and at most one point, as 12.5",
            "'1,5'                | Write the amount with a point for decimals and no thousands separators, as 1234.5",
            "'1,234.50'           | Write the amount with a point for decimals and no thousands separators, as 1234.5",
            "0.0000001            | At most 6 decimals: the smallest amount is 0.000001 tokens",
            "9223372036854.775808 | That is more than the ledger can hold (at most 9,223,372,036,854.775807 tokens)"})
    void whatIsNotAnAmountIsRefusedAtItsFieldWithWhy(String typed, String message) {
        assertThatThrownBy(() -> TokenAmount.parse(typed, "amount")).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.fieldErrors()).containsEntry("amount", message));
    }

    @org.junit.jupiter.api.Test
    void movementsAndSumsAreShownAsTokensWithTheirDecimalsOnly() {
        assertThat(TokenAmount.format(-250_000)).isEqualTo("-0.25");
        assertThat(TokenAmount.formatSum(Long.MAX_VALUE, 1)).isEqualTo("9,223,372,036,854.775808");
        assertThat(new TokenAmount(1_000_000).toString()).isEqualTo("1 token");
        assertThat(new TokenAmount(12_500_000).toString()).isEqualTo("12.5 tokens");
    }
}
