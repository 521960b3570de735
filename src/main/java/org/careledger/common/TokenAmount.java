package org.careledger.common;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * An amount of tokens in base units (1 token = {@value #BASE_UNITS_PER_TOKEN} base units, so 6
 * decimals), read from what a person typed and written back as a person reads it. Never a
 * {@code double}: text goes through {@link BigDecimal}, exactly.
 */
public record TokenAmount(long baseUnits) {

    public static final long BASE_UNITS_PER_TOKEN = 1_000_000L;
    private static final int DECIMALS = 6;

    public TokenAmount {
        if (baseUnits < 0) {
            throw new IllegalArgumentException("A token amount is not negative: " + baseUnits);
        }
    }

    /**
     * Reads {@code text} as tokens ("12", "12.5", "0.000001", ".5"); refuses, as an
     * {@link InvalidInputException} on {@code field}, what is empty, not a number, negative, finer
     * than 6 decimals or more than a long holds in base units. A comma is refused, not guessed at:
     * "1,5" is one and a half to some people and fifteen to others. Zero passes: callers that need a
     * positive amount say so.
     */
    public static TokenAmount parse(String text, String field) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            throw InvalidInputException.of(field, "Enter an amount in tokens, for example 12.5");
        }
        if (t.contains(",")) {
            throw InvalidInputException.of(field, "Write the amount with a point for decimals and no thousands separators, as 1234.5");
        }
        if (t.startsWith("-") && t.length() > 1) {
            throw InvalidInputException.of(field, "An amount cannot be negative");
        }
        if (!t.matches("[0-9]+(\\.[0-9]*)?|\\.[0-9]+")) {
            throw InvalidInputException.of(field, "Not a number of tokens: use digits and at most one point, as 12.5");
        }
        BigDecimal tokens = new BigDecimal(t);
        if (tokens.stripTrailingZeros().scale() > DECIMALS) {
            throw InvalidInputException.of(field, "At most 6 decimals: the smallest amount is 0.000001 tokens");
        }
        BigDecimal units = tokens.movePointRight(DECIMALS);
        if (units.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw InvalidInputException.of(field, "That is more than the ledger can hold (at most "
                    + new TokenAmount(Long.MAX_VALUE).format() + " tokens)");
        }
        return new TokenAmount(units.longValueExact());
    }

    public static TokenAmount ofTokens(long tokens) {
        return new TokenAmount(Math.multiplyExact(tokens, BASE_UNITS_PER_TOKEN));
    }

    /** As a person reads it: thousands grouped, as many decimals as it has (at most 6): "1,234.5". */
    public String format() {
        return format(baseUnits);
    }

    /** Base units (of a balance, or a movement, which may be negative) as tokens: "1,234.5", "-0.25". */
    public static String format(long baseUnits) {
        return shown(BigDecimal.valueOf(baseUnits, DECIMALS));
    }

    /** {@code a + b} base units as tokens, however large the sum. */
    public static String formatSum(long a, long b) {
        return shown(BigDecimal.valueOf(a, DECIMALS).add(BigDecimal.valueOf(b, DECIMALS)));
    }

    private static String shown(BigDecimal tokens) {
        DecimalFormat f = new DecimalFormat("#,##0.######", DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setRoundingMode(RoundingMode.UNNECESSARY);
        return f.format(tokens);
    }

    /** "1 token", "12.5 tokens". */
    @Override
    public String toString() {
        return format() + (baseUnits == BASE_UNITS_PER_TOKEN ? " token" : " tokens");
    }
}
