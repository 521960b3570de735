package org.careledger.crypto;

import java.math.BigInteger;
import java.util.Objects;

import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;

/**
 * Recoverable ECDSA over secp256k1, as Ethereum uses it for transactions and messages.
 *
 * <p>Signing is deterministic (RFC 6979 with HMAC-SHA-256), so the same key and hash always give
 * the same signature, and always emits the canonical low-s form (s &le; n/2, BIP-62 / EIP-2)
 * together with the recovery id that lets {@link #recover} find the signer's public key.
 * Callers hash the message themselves (typically Keccak-256); this class only accepts 32-byte
 * hashes. All methods are stateless and thread-safe.
 *
 * <p>The work is done by libsecp256k1 where its native library loads and by BouncyCastle elsewhere
 * ({@link CryptoProvider}, chosen once per process); both give the same signatures, keys and
 * verdicts for every input.
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

    /** Which implementation computes signatures in this process (chosen once, see {@link CryptoProvider}). */
    public static CryptoProvider provider() {
        return EngineChoice.CURRENT.provider();
    }

    /**
     * Signs a 32-byte message hash.
     *
     * @throws IllegalArgumentException if {@code messageHash32} is not 32 bytes
     */
    public static Signature sign(PrivateKey key, byte[] messageHash32) {
        return sign(EngineChoice.CURRENT, key, messageHash32);
    }

    /**
     * Checks a signature against a public key and a 32-byte hash. Returns {@code false}, never
     * throws, when the signature does not match, including non-canonical (high-s) or out-of-range
     * values. The recovery id is not needed for verification and is ignored.
     *
     * @throws IllegalArgumentException if {@code messageHash32} is not 32 bytes
     */
    public static boolean verify(PublicKey publicKey, byte[] messageHash32, Signature signature) {
        return verify(EngineChoice.CURRENT, publicKey, messageHash32, signature);
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
        return recover(EngineChoice.CURRENT, messageHash32, signature);
    }

    static Signature sign(EcdsaEngine engine, PrivateKey key, byte[] messageHash32) {
        Objects.requireNonNull(key, "key");
        requireHash(messageHash32);
        return engine.sign(key, messageHash32);
    }

    static boolean verify(EcdsaEngine engine, PublicKey publicKey, byte[] messageHash32, Signature signature) {
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(signature, "signature");
        requireHash(messageHash32);
        BigInteger r = signature.r();
        BigInteger s = signature.s();
        if (!inRange(r) || !inRange(s) || s.compareTo(HALF_N) > 0) {
            return false;
        }
        return engine.verify(publicKey, messageHash32, signature);
    }

    static PublicKey recover(EcdsaEngine engine, byte[] messageHash32, Signature signature) {
        Objects.requireNonNull(signature, "signature");
        requireHash(messageHash32);
        PublicKey key = engine.recover(messageHash32, signature);
        if (key == null) {
            throw new InvalidSignatureException(
                    "Signature does not correspond to any public key for this message");
        }
        return key;
    }

    /** The key an encoding of the right length and prefix names, or null, by this process's engine. */
    static PublicKey parsePublicKey(byte[] encoded) {
        return EngineChoice.CURRENT.parsePublicKey(encoded);
    }

    /** d·G for {@code key}, by this process's engine. */
    static PublicKey publicKeyOf(PrivateKey key) {
        return EngineChoice.CURRENT.publicKey(key);
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
