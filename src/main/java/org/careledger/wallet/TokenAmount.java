package org.careledger.wallet;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.regex.Pattern;

import org.careledger.ledger.Genesis;

/**
 * An amount of tokens in base units (1 token = 1,000,000), never negative. {@link #parse} reads what
 * a person typed, one check per rule, each refusal naming the rule; {@link #format} shows base
 * units as tokens with up to 6 decimals: {@code 1,234.5}.
 */
public record TokenAmount(long baseUnits) {

    public static final int DECIMALS = 6;
    private static final Pattern NUMBER = Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)");
    private static final BigDecimal UNITS = BigDecimal.valueOf(Genesis.UNITS_PER_TOKEN);

    public TokenAmount {
        if (baseUnits < 0) {
            throw new IllegalArgumentException("An amount of tokens is never negative: " + baseUnits);
        }
    }

    /**
     * Reads an amount in tokens such as {@code 12.5}: digits with at most 6 decimals, more than zero,
     * at most 2^63 − 1 base units. Surrounding white space is ignored.
     *
     * @throws InvalidTransferException on the amount field, saying which rule it breaks
     */
    public static TokenAmount parse(String text) {
        String typed = text == null ? "" : text.strip();
        checkPresent(typed);
        checkNumeric(typed);
        BigDecimal tokens = new BigDecimal(typed);
        checkNotNegative(tokens);
        checkMoreThanZero(tokens);
        checkDecimals(tokens);
        BigDecimal units = tokens.multiply(UNITS);
        checkFits(units);
        return new TokenAmount(units.longValueExact());
    }

    private static void checkPresent(String typed) {
        if (typed.isEmpty()) {
            throw InvalidTransferException.amount("Enter an amount in tokens, such as 12.5");
        }
    }

    private static void checkNumeric(String typed) {
        if (!NUMBER.matcher(typed).matches()) {
            throw InvalidTransferException.amount("Enter the amount as a number of tokens, such as 12.5 (digits and one decimal point)");
        }
    }

    private static void checkNotNegative(BigDecimal tokens) {
        if (tokens.signum() < 0) {
            throw InvalidTransferException.amount("An amount cannot be negative");
        }
    }

    private static void checkMoreThanZero(BigDecimal tokens) {
        if (tokens.signum() == 0) {
            throw InvalidTransferException.amount("Enter an amount of more than zero");
        }
    }

    private static void checkDecimals(BigDecimal tokens) {
        if (tokens.stripTrailingZeros().scale() > DECIMALS) {
            throw InvalidTransferException.amount("Tokens have at most 6 decimals: the smallest amount is 0.000001");
        }
    }

    private static void checkFits(BigDecimal units) {
        if (units.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw InvalidTransferException.amount("That is more than any wallet can hold (at most " + format(Long.MAX_VALUE) + " tokens)");
        }
    }

    /** Base units as tokens with up to 6 decimals and thousands separated: {@code 1,234.5}, {@code -0.001}. */
    public static String format(long baseUnits) {
        BigDecimal tokens = BigDecimal.valueOf(baseUnits).divide(UNITS, DECIMALS, RoundingMode.UNNECESSARY);
        return shown().format(tokens);
    }

    /** {@code a + b} base units as tokens, however large the sum. */
    static String formatSum(long a, long b) {
        BigDecimal tokens = BigDecimal.valueOf(a).add(BigDecimal.valueOf(b)).divide(UNITS, DECIMALS, RoundingMode.UNNECESSARY);
        return shown().format(tokens);
    }

    private static DecimalFormat shown() {
        return new DecimalFormat("#,##0.######", DecimalFormatSymbols.getInstance(Locale.ROOT));
    }

    /** {@code 1,234.5 tokens}. */
    @Override
    public String toString() {
        return format(baseUnits) + (baseUnits == Genesis.UNITS_PER_TOKEN ? " token" : " tokens");
    }
}
