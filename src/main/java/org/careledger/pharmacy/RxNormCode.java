package org.careledger.pharmacy;

import java.util.Comparator;
import java.util.Optional;

/**
 * An RxNorm concept code (an RXCUI): a clinical drug such as 308182 "Amoxicillin 250 MG Oral
 * Capsule" or an ingredient such as 723 "amoxicillin". Its text is 1 to 10 decimal digits without a
 * leading zero, so two codes are equal exactly when their texts are; codes order by number.
 */
public record RxNormCode(String value) implements Comparable<RxNormCode> {

    /** The most digits an RXCUI has. */
    public static final int MAX_DIGITS = 10;

    private static final Comparator<RxNormCode> BY_NUMBER =
            Comparator.comparingInt((RxNormCode code) -> code.value.length()).thenComparing(RxNormCode::value);

    /** @throws IllegalArgumentException naming what is wrong with {@code value} */
    public RxNormCode {
        checkDigits(value);
    }

    /** @throws IllegalArgumentException naming what is wrong with {@code text} */
    public static RxNormCode of(String text) {
        return new RxNormCode(text);
    }

    /** The code {@code text} writes, or empty when it is not an RxNorm code (a SNOMED CT code, say, or free text). */
    public static Optional<RxNormCode> tryParse(String text) {
        try {
            return Optional.of(new RxNormCode(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static void checkDigits(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_DIGITS || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("an RxNorm code is 1 to " + MAX_DIGITS + " digits, not \"" + value + "\"");
        }
        if (value.charAt(0) == '0') {
            throw new IllegalArgumentException("an RxNorm code does not start with 0: \"" + value + "\"");
        }
    }

    @Override
    public int compareTo(RxNormCode other) {
        return BY_NUMBER.compare(this, other);
    }

    @Override
    public String toString() {
        return value;
    }
}
