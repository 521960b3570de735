package org.careledger.crypto;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Objects;

import org.bouncycastle.math.ec.ECPoint;

/**
 * A secp256k1 public key: a point on the curve other than the point at infinity.
 *
 * <p>Accepted and produced in the SEC 1 encodings: 33-byte compressed ({@code 02}/{@code 03}
 * prefix) and 65-byte uncompressed ({@code 04} prefix). Two keys are equal when they are the same
 * point, whichever encoding they were read from.
 */
public final class PublicKey {

    private final ECPoint point;
    private final byte[] uncompressed;
    private final byte[] compressed;
    /** Derived on first use (a Keccak-256): every transaction asks for its sender's. */
    private volatile Address address;

    private PublicKey(ECPoint point) {
        this.point = point;
        this.uncompressed = point.getEncoded(false);
        this.compressed = point.getEncoded(true);
    }

    /**
     * @throws InvalidKeyException for any other length or prefix, a point not on the curve, or
     *     the point at infinity
     */
    public static PublicKey fromBytes(byte[] encoded) {
        if (encoded == null) {
            throw new InvalidKeyException("Public key is missing");
        }
        boolean compressed = encoded.length == 33 && (encoded[0] == 0x02 || encoded[0] == 0x03);
        boolean uncompressed = encoded.length == 65 && encoded[0] == 0x04;
        if (!compressed && !uncompressed) {
            throw new InvalidKeyException("Public key must be 33 bytes (compressed, 02/03 prefix) "
                    + "or 65 bytes (uncompressed, 04 prefix), got " + encoded.length + " bytes");
        }
        PublicKey key = Secp256k1.parsePublicKey(encoded);
        if (key == null) {
            throw new InvalidKeyException("Public key is not a point on the secp256k1 curve");
        }
        return key;
    }

    /** Parses the hexadecimal form of {@link #fromBytes}, with or without {@code 0x}. */
    public static PublicKey fromHex(String hex) {
        if (hex == null) {
            throw new InvalidKeyException("Public key is missing");
        }
        try {
            return fromBytes(Hashes.unhex(hex));
        } catch (IllegalArgumentException e) {
            throw new InvalidKeyException("Public key must be hexadecimal", e);
        }
    }

    /**
     * The key of a 65-byte uncompressed encoding that libsecp256k1 produced or checked: the point is
     * built from x and y without BouncyCastle's square root, and still checked to be on the curve.
     */
    static PublicKey fromUncompressedPoint(byte[] uncompressed) {
        BigInteger x = new BigInteger(1, Arrays.copyOfRange(uncompressed, 1, 33));
        BigInteger y = new BigInteger(1, Arrays.copyOfRange(uncompressed, 33, 65));
        return fromPoint(Secp256k1.DOMAIN.getCurve().validatePoint(x, y));
    }

    static PublicKey fromPoint(ECPoint point) {
        Objects.requireNonNull(point, "point");
        ECPoint normalized = point.normalize();
        if (normalized.isInfinity() || !normalized.isValid()) {
            throw new InvalidKeyException("Public key must be a point on secp256k1 other than infinity");
        }
        return new PublicKey(normalized);
    }

    /** 33 bytes: {@code 02} or {@code 03} (parity of y) followed by x. */
    public byte[] compressed() {
        return compressed.clone();
    }

    /** 65 bytes: {@code 04} followed by x and y. */
    public byte[] uncompressed() {
        return uncompressed.clone();
    }

    /** The account address: last 20 bytes of Keccak-256 of x || y. */
    public Address address() {
        Address result = address;
        if (result == null) {
            result = Address.fromPublicKey(this);
            address = result;
        }
        return result;
    }

    ECPoint point() {
        return point;
    }

    /** The 65-byte uncompressed encoding itself, not a copy: for the engines, which only read it. */
    byte[] uncompressedEncoding() {
        return uncompressed;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PublicKey other && Arrays.equals(uncompressed, other.uncompressed);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(uncompressed);
    }

    /** {@code PublicKey[0x02…]}: the compressed encoding. */
    @Override
    public String toString() {
        return "PublicKey[0x" + Hashes.hex(compressed()) + "]";
    }
}
