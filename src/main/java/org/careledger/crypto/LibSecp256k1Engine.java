package org.careledger.crypto;

import java.math.BigInteger;
import java.util.Arrays;

import fr.acinq.secp256k1.Secp256k1Exception;

/**
 * secp256k1 in Bitcoin Core's libsecp256k1, through ACINQ's JNI binding: the only class of CareLedger
 * that sees the binding. {@link #load()} extracts and loads the native library for this OS and
 * architecture (from the binding's jar) and fails if there is none; {@link EngineChoice} then falls
 * back to BouncyCastle. The library signs with RFC 6979 nonces and emits low-s signatures, so its
 * signatures are byte for byte BouncyCastle's; it rejects high-s signatures as we do.
 */
final class LibSecp256k1Engine implements EcdsaEngine {

    private final fr.acinq.secp256k1.Secp256k1 lib;

    private LibSecp256k1Engine(fr.acinq.secp256k1.Secp256k1 lib) {
        this.lib = lib;
    }

    /**
     * Loads the native library and checks it on one known signature.
     *
     * @throws LinkageError or a runtime exception if it cannot be loaded or does not work
     */
    static LibSecp256k1Engine load() {
        LibSecp256k1Engine engine = new LibSecp256k1Engine(fr.acinq.secp256k1.Secp256k1.get());
        engine.selfTest();
        return engine;
    }

    @Override
    public CryptoProvider provider() {
        return CryptoProvider.NATIVE;
    }

    @Override
    public Signature sign(PrivateKey key, byte[] hash32) {
        byte[] secret = key.bytes();
        byte[] compact;
        try {
            compact = lib.sign(hash32, secret);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
        byte[] expected = key.publicKey().uncompressedEncoding();
        for (int v = 0; v <= 1; v++) {
            if (Arrays.equals(recoverEncoded(compact, hash32, v), expected)) {
                return Signature.of(new BigInteger(1, Arrays.copyOfRange(compact, 0, 32)),
                        new BigInteger(1, Arrays.copyOfRange(compact, 32, 64)), v);
            }
        }
        throw new IllegalStateException("Could not compute the recovery id of a fresh signature");
    }

    @Override
    public boolean verify(PublicKey key, byte[] hash32, BigInteger r, BigInteger s) {
        try {
            return lib.verify(compact(r, s), hash32, key.uncompressedEncoding());
        } catch (Secp256k1Exception e) {
            return false; // cannot happen for values Secp256k1 checked, but never throw from a verification
        }
    }

    @Override
    public boolean verify(PublicKey key, byte[] hash32, Signature signature) {
        try {
            return lib.verify(signature.compactEncoding(), hash32, key.uncompressedEncoding());
        } catch (Secp256k1Exception e) {
            return false;
        }
    }

    @Override
    public PublicKey recover(byte[] hash32, Signature signature) {
        byte[] encoded = recoverEncoded(signature.compactEncoding(), hash32, signature.v());
        return encoded == null ? null : PublicKey.fromUncompressedPoint(encoded);
    }

    @Override
    public PublicKey publicKey(PrivateKey key) {
        byte[] secret = key.bytes();
        try {
            return PublicKey.fromUncompressedPoint(lib.pubkeyCreate(secret));
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    @Override
    public PublicKey parsePublicKey(byte[] encoded) {
        byte[] uncompressed;
        try {
            uncompressed = lib.pubkeyParse(encoded);
        } catch (Secp256k1Exception e) {
            return null;
        }
        return PublicKey.fromUncompressedPoint(uncompressed);
    }

    /** The uncompressed key recovered with recovery id {@code v}, or null if none. */
    private byte[] recoverEncoded(byte[] compact, byte[] hash32, int v) {
        try {
            return lib.ecdsaRecover(compact, hash32, v);
        } catch (Secp256k1Exception e) {
            return null; // r is not an x coordinate, or the result is the point at infinity
        }
    }

    private static byte[] compact(BigInteger r, BigInteger s) {
        byte[] out = new byte[64];
        putUnsigned32(r, out, 0);
        putUnsigned32(s, out, 32);
        return out;
    }

    private static void putUnsigned32(BigInteger value, byte[] out, int offset) {
        byte[] raw = value.toByteArray();
        int copy = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - copy, out, offset + 32 - copy, copy);
    }

    /** The private key 1 signs and verifies as published (RFC 6979 vector): a library that loads but misbehaves is not used. */
    private void selfTest() {
        PrivateKey one = PrivateKey.fromBytes(Hashes.unhex("0000000000000000000000000000000000000000000000000000000000000001"));
        byte[] hash = Hashes.sha256("Satoshi Nakamoto".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        byte[] signature = lib.sign(hash, one.bytes());
        byte[] published = Hashes.unhex("934b1ea10a4b3c1757e2b0c017d0b6143ce3c9a7e6a4a49860d7a6ab210ee3d8"
                + "2442ce9d2b916064108014783e923ec36b49743e2ffa1c4496f01a512aafd9e5");
        byte[] generator = lib.pubkeyCreate(one.bytes());
        if (!Arrays.equals(signature, published) || !lib.verify(signature, hash, generator)) {
            throw new IllegalStateException("libsecp256k1 loaded but did not reproduce a published signature");
        }
    }
}
