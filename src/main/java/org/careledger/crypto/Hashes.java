package org.careledger.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

import org.bouncycastle.crypto.digests.KeccakDigest;

/**
 * The hash functions and hex codec used across CareLedger.
 *
 * <p>{@link #sha256} goes through the JDK's {@link MessageDigest} (intrinsified on modern CPUs,
 * several times faster than a pure-Java digest); one instance is kept per thread, so the method
 * is thread-safe without locking. {@link #keccak256} is the <em>original</em> Keccak submission
 * with 0x01 padding that Ethereum uses, which differs from the standardised SHA3-256 (0x06
 * padding): the empty input hashes to {@code c5d24601...} here, not {@code a7ffc6f8...}.
 */
public final class Hashes {

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK has no SHA-256 implementation", e);
        }
    });

    private static final HexFormat HEX = HexFormat.of();

    private Hashes() {
    }

    /**
     * SHA-256 of the concatenation of {@code parts}, without copying them into one array.
     *
     * @return a fresh 32-byte array
     */
    public static byte[] sha256(byte[]... parts) {
        Objects.requireNonNull(parts, "parts");
        MessageDigest digest = SHA256.get();
        digest.reset();
        for (byte[] part : parts) {
            digest.update(Objects.requireNonNull(part, "part"));
        }
        return digest.digest();
    }

    /**
     * Keccak-256 (Ethereum's "sha3") of {@code data}.
     *
     * @return a fresh 32-byte array
     */
    public static byte[] keccak256(byte[] data) {
        Objects.requireNonNull(data, "data");
        KeccakDigest digest = new KeccakDigest(256);
        digest.update(data, 0, data.length);
        byte[] out = new byte[32];
        digest.doFinal(out, 0);
        return out;
    }

    /** Lower-case hexadecimal without prefix; the empty array gives the empty string. */
    public static String hex(byte[] bytes) {
        return HEX.formatHex(Objects.requireNonNull(bytes, "bytes"));
    }

    /**
     * Decodes hexadecimal in either case, with or without a leading {@code 0x}/{@code 0X}.
     *
     * @throws IllegalArgumentException if the length is odd or a character is not hexadecimal
     */
    public static byte[] unhex(String hex) {
        Objects.requireNonNull(hex, "hex");
        String digits = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
        if (digits.length() % 2 != 0) {
            throw new IllegalArgumentException(
                    "Hexadecimal text must have an even number of digits, got " + digits.length());
        }
        for (int i = 0; i < digits.length(); i++) {
            if (!isHexDigit(digits.charAt(i))) {
                throw new IllegalArgumentException(
                        "Not a hexadecimal digit at position " + i + ": '" + digits.charAt(i) + "'");
            }
        }
        return HEX.parseHex(digits);
    }

    /** ASCII-only: {@link Character#digit} would also accept full-width and other Unicode digits. */
    static boolean isHexDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
