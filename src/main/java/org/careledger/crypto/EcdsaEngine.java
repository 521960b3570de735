package org.careledger.crypto;

import java.math.BigInteger;

/**
 * One implementation of the secp256k1 operations behind {@link Secp256k1}: BouncyCastle's pure Java
 * ({@link BouncyCastleEngine}) or libsecp256k1 through its JNI binding ({@link LibSecp256k1Engine}).
 * Both give identical results for every input; {@link Secp256k1} checks its arguments (hash length,
 * r and s in range, low s) before it calls one, so an engine sees only well-formed values.
 */
interface EcdsaEngine {

    /** Which provider this is. */
    CryptoProvider provider();

    /** The RFC 6979 signature of a 32-byte hash in low-s form, with its recovery id. */
    Signature sign(PrivateKey key, byte[] hash32);

    /** Whether (r, s), both in [1, n-1] and s &le; n/2, signs {@code hash32} under {@code key}. */
    boolean verify(PublicKey key, byte[] hash32, BigInteger r, BigInteger s);

    /** As {@link #verify(PublicKey, byte[], BigInteger, BigInteger)} for a signature {@link Secp256k1} checked. */
    default boolean verify(PublicKey key, byte[] hash32, Signature signature) {
        return verify(key, hash32, signature.r(), signature.s());
    }

    /** The key that {@code signature} over {@code hash32} recovers to with its recovery id, or null if none. */
    PublicKey recover(byte[] hash32, Signature signature);

    /** d·G for the key's scalar d. */
    PublicKey publicKey(PrivateKey key);

    /**
     * The key a 33-byte compressed ({@code 02}/{@code 03}) or 65-byte uncompressed ({@code 04})
     * encoding names, or null if it names no point of the curve (the caller has checked the length
     * and the prefix).
     */
    PublicKey parsePublicKey(byte[] encoded);
}
