package org.careledger.crypto;

import java.math.BigInteger;
import java.util.Objects;

import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;

/**
 * Recoverable ECDSA over secp256k1, as Ethereum uses it for transactions and messages.
 *
 * <p>Signing is deterministic (RFC 6979 with HMAC-SHA-256), so the same key and hash always give
 * the same signature, and always emits the canonical low-s form (s &le; n/2, BIP-62 / EIP-2)
 * together with the recovery id that lets {@link #recover} find the signer's public key.
 * Callers hash the message themselves (typically Keccak-256); this class only accepts 32-byte
 * hashes. All methods are stateless and thread-safe.
 */
public final class Secp256k1 {

    private static final X9ECParameters PARAMS = CustomNamedCurves.getByName("secp256k1");

    /** Curve, generator and order, shared by the key classes of this package. */
    static final ECDomainParameters DOMAIN = new ECDomainParameters(
            PARAMS.getCurve(), PARAMS.getG(), PARAMS.getN(), PARAMS.getH());

    /** The order n of the secp256k1 group. */
    public static final BigInteger N = PARAMS.getN();

    /** n / 2 (rounded down): the largest s value a canonical signature may have. */
    public static final BigInteger HALF_N = N.shiftRight(1);

    private static final int HASH_LENGTH = 32;

    private Secp256k1() {
    }

    /**
     * Signs a 32-byte message hash.
     *
     * @throws IllegalArgumentException if {@code messageHash32} is not 32 bytes
     */
    public static Signature sign(PrivateKey key, byte[] messageHash32) {
        Objects.requireNonNull(key, "key");
        requireHash(messageHash32);
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, new ECPrivateKeyParameters(key.scalar(), DOMAIN));
        BigInteger[] rs = signer.generateSignature(messageHash32);
        BigInteger r = rs[0];
        BigInteger s = rs[1].compareTo(HALF_N) > 0 ? N.subtract(rs[1]) : rs[1];
        ECPoint expected = key.publicKey().point();
        for (int v = 0; v <= 1; v++) {
            ECPoint candidate = recoverPoint(messageHash32, r, s, v);
            if (candidate != null && candidate.equals(expected)) {
                return Signature.of(r, s, v);
            }
        }
        throw new IllegalStateException("Could not compute the recovery id of a fresh signature");
    }

    /**
     * Checks a signature against a public key and a 32-byte hash. Returns {@code false}, never
     * throws, when the signature does not match, including non-canonical (high-s) or out-of-range
     * values. The recovery id is not needed for verification and is ignored.
     *
     * @throws IllegalArgumentException if {@code messageHash32} is not 32 bytes
     */
    public static boolean verify(PublicKey publicKey, byte[] messageHash32, Signature signature) {
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(signature, "signature");
        requireHash(messageHash32);
        return verifyRaw(publicKey, messageHash32, signature.r(), signature.s());
    }

    /**
     * Like {@link #verify(PublicKey, byte[], Signature)} but for the 65-byte wire form; a
     * malformed signature (wrong length, high s, bad recovery id) verifies as {@code false}.
     */
    public static boolean verify(PublicKey publicKey, byte[] messageHash32, byte[] signature65) {
        Objects.requireNonNull(publicKey, "publicKey");
        requireHash(messageHash32);
        try {
            return verify(publicKey, messageHash32, Signature.fromBytes(signature65));
        } catch (InvalidSignatureException e) {
            return false;
        }
    }

    /**
     * The public key that produced {@code signature} over {@code messageHash32}. Any valid
     * signature recovers <em>some</em> key, so compare the result (or its address) with the
     * expected signer.
     *
     * @throws InvalidSignatureException if no public key corresponds to the signature
     * @throws IllegalArgumentException if {@code messageHash32} is not 32 bytes
     */
    public static PublicKey recover(byte[] messageHash32, Signature signature) {
        Objects.requireNonNull(signature, "signature");
        requireHash(messageHash32);
        ECPoint q = recoverPoint(messageHash32, signature.r(), signature.s(), signature.v());
        if (q == null) {
            throw new InvalidSignatureException(
                    "Signature does not correspond to any public key for this message");
        }
        return PublicKey.fromPoint(q);
    }

    private static boolean verifyRaw(PublicKey publicKey, byte[] hash, BigInteger r, BigInteger s) {
        if (!inRange(r) || !inRange(s) || s.compareTo(HALF_N) > 0) {
            return false;
        }
        ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, new ECPublicKeyParameters(publicKey.point(), DOMAIN));
        return verifier.verifySignature(hash, r, s);
    }

    /** SEC 1 v2 section 4.1.6 for recovery ids 0 and 1; {@code null} when nothing is recoverable. */
    private static ECPoint recoverPoint(byte[] hash, BigInteger r, BigInteger s, int v) {
        if (!inRange(r) || !inRange(s)) {
            return null;
        }
        byte[] encodedR = new byte[33];
        encodedR[0] = (byte) (v == 0 ? 0x02 : 0x03);
        System.arraycopy(BigIntegers.asUnsignedByteArray(32, r), 0, encodedR, 1, 32);
        ECPoint bigR;
        try {
            bigR = DOMAIN.getCurve().decodePoint(encodedR);
        } catch (IllegalArgumentException e) {
            return null; // r is not the x coordinate of a curve point
        }
        BigInteger e = new BigInteger(1, hash);
        BigInteger rInv = r.modInverse(N);
        BigInteger u1 = N.subtract(e).multiply(rInv).mod(N);
        BigInteger u2 = s.multiply(rInv).mod(N);
        ECPoint q = ECAlgorithms.sumOfTwoMultiplies(DOMAIN.getG(), u1, bigR, u2).normalize();
        return q.isInfinity() ? null : q;
    }

    static boolean inRange(BigInteger value) {
        return value.signum() > 0 && value.compareTo(N) < 0;
    }

    private static void requireHash(byte[] messageHash32) {
        Objects.requireNonNull(messageHash32, "messageHash32");
        if (messageHash32.length != HASH_LENGTH) {
            throw new IllegalArgumentException(
                    "Message hash must be 32 bytes, got " + messageHash32.length);
        }
    }
}
