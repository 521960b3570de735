package org.careledger.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * A 20-byte Ethereum-style account address: the last 20 bytes of the Keccak-256 hash of the
 * signer's uncompressed public key (x || y, without the {@code 04} prefix).
 *
 * <p>Its text form is EIP-55: {@code 0x} and 40 hex digits whose letter case encodes a checksum,
 * so most typing errors are caught. {@link #parse} accepts the checksummed form and, because they
 * carry no checksum, the all-lower-case and all-upper-case forms; mixed case must match the
 * checksum exactly. Addresses order by their unsigned bytes.
 */
public final class Address implements Comparable<Address> {

    /** Number of bytes in an address. */
    public static final int LENGTH = 20;

    static final String FORMAT_MESSAGE = "Address must be 0x followed by 40 hexadecimal characters";
    static final String CHECKSUM_MESSAGE =
            "Address checksum does not match (EIP-55): check for a typing error";

    private final byte[] bytes;
    /** Both text forms are made on first use: the ledger builds many addresses it never prints. */
    private volatile String lowerHex;
    private volatile String checksummed;

    private Address(byte[] bytes) {
        this.bytes = bytes;
    }

    /** The address of {@code publicKey}. */
    public static Address fromPublicKey(PublicKey publicKey) {
        byte[] uncompressed = publicKey.uncompressed();
        byte[] hash = Hashes.keccak256(Arrays.copyOfRange(uncompressed, 1, uncompressed.length));
        return new Address(Arrays.copyOfRange(hash, hash.length - LENGTH, hash.length));
    }

    /** @throws InvalidAddressException if {@code bytes} is not 20 bytes */
    public static Address fromBytes(byte[] bytes) {
        if (bytes == null || bytes.length != LENGTH) {
            throw new InvalidAddressException("Address must be 20 bytes, got "
                    + (bytes == null ? "none" : String.valueOf(bytes.length)));
        }
        return new Address(bytes.clone());
    }

    /**
     * Reads {@code 0x} + 40 hex digits. Surrounding white space is not tolerated; trim user input
     * first.
     *
     * @throws InvalidAddressException with a message fit for the person who typed it
     */
    public static Address parse(String text) {
        if (text == null || text.length() != 2 + 2 * LENGTH || !text.startsWith("0x")) {
            throw new InvalidAddressException(FORMAT_MESSAGE);
        }
        String digits = text.substring(2);
        for (int i = 0; i < digits.length(); i++) {
            if (!Hashes.isHexDigit(digits.charAt(i))) {
                throw new InvalidAddressException(FORMAT_MESSAGE);
            }
        }
        String lower = digits.toLowerCase(Locale.ROOT);
        Address address = new Address(Hashes.unhex(lower));
        boolean singleCase = digits.equals(lower) || digits.equals(digits.toUpperCase(Locale.ROOT));
        if (!singleCase && !address.toString().substring(2).equals(digits)) {
            throw new InvalidAddressException(CHECKSUM_MESSAGE);
        }
        return address;
    }

    /** Whether {@link #parse} would accept {@code text}. */
    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (InvalidAddressException e) {
            return false;
        }
    }

    /** A copy of the 20 bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** {@code 0x} and 40 lower-case hex digits, e.g. for case-insensitive storage keys. */
    public String toLowerHex() {
        String hex = lowerHex;
        if (hex == null) {
            hex = "0x" + Hashes.hex(bytes);
            lowerHex = hex;
        }
        return hex;
    }

    /** The EIP-55 checksummed form, e.g. {@code 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed}. */
    @Override
    public String toString() {
        String text = checksummed;
        if (text == null) {
            text = checksum(toLowerHex().substring(2));
            checksummed = text;
        }
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Address other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public int compareTo(Address other) {
        return Arrays.compareUnsigned(bytes, other.bytes);
    }

    /** EIP-55: upper-case a letter when the matching nibble of keccak256(lowerHex) is 8 or more. */
    private static String checksum(String lowerHex) {
        byte[] hash = Hashes.keccak256(lowerHex.getBytes(StandardCharsets.US_ASCII));
        StringBuilder out = new StringBuilder(2 + lowerHex.length()).append("0x");
        for (int i = 0; i < lowerHex.length(); i++) {
            char c = lowerHex.charAt(i);
            int nibble = (hash[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0x0f;
            out.append(c >= 'a' && nibble >= 8 ? Character.toUpperCase(c) : c);
        }
        return out.toString();
    }
}
