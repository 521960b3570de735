package org.careledger.e2e;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Amounts of tokens as the pages write them ("1,234.5 tokens", "0.001", "1 token"), read back into base units. */
final class TokenText {

    private static final Pattern AMOUNT = Pattern.compile("\\d[\\d,]*(\\.\\d+)?");

    private TokenText() {
    }

    /** The base units (a millionth of a token) of the first amount in {@code text}. */
    static long baseUnits(String text) {
        Matcher m = AMOUNT.matcher(text);
        if (!m.find()) {
            throw new AssertionError("no amount of tokens in \"" + text + "\"");
        }
        return new BigDecimal(m.group().replace(",", "")).movePointRight(6).longValueExact();
    }
}
