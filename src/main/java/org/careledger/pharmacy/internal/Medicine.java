package org.careledger.pharmacy.internal;

import org.careledger.pharmacy.RxNormCode;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A medicine of the catalogue: its RxNorm clinical drug code, its name as the catalogue gives it
 * ("Amoxicillin 250 MG Oral Capsule"), its form and strength as that name gives them ("250 MG Oral
 * Capsule", empty when the name gives none) and its unit price in token base units
 * ({@value #BASE_UNITS_PER_TOKEN} to the token; 1 token stands for 1 US dollar of Synthea's cost).
 */
public record Medicine(RxNormCode code, String name, String formStrength, long unitPrice) {

    /** Base units in one token. */
    public static final long BASE_UNITS_PER_TOKEN = 1_000_000L;

    /** @throws IllegalArgumentException naming the field that is wrong */
    public Medicine {
        Objects.requireNonNull(code, "code");
        checkName(name);
        checkFormStrength(formStrength);
        checkUnitPrice(unitPrice);
    }

    /** The unit price in tokens, as exact as the base units and without trailing zeros: 39095000 is 39.095, 10000000 is 10. */
    public BigDecimal unitPriceInTokens() {
        BigDecimal tokens = BigDecimal.valueOf(unitPrice, 6).stripTrailingZeros();
        return tokens.scale() < 0 ? tokens.setScale(0) : tokens;
    }

    private static void checkName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a medicine's name must not be blank");
        }
        checkOneLine("name", name);
    }

    private static void checkFormStrength(String formStrength) {
        if (formStrength == null) {
            throw new IllegalArgumentException("a medicine's form and strength may be empty, not missing");
        }
        checkOneLine("form and strength", formStrength);
    }

    private static void checkOneLine(String field, String text) {
        if (text.chars().anyMatch(c -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029')) {
            throw new IllegalArgumentException("a medicine's " + field + " must be one line without control characters");
        }
    }

    private static void checkUnitPrice(long unitPrice) {
        if (unitPrice < 0) {
            throw new IllegalArgumentException("a unit price is 0 base units or more, not " + unitPrice);
        }
    }

    @Override
    public String toString() {
        return code + " " + name + " at " + unitPriceInTokens().toPlainString() + " tokens";
    }
}
