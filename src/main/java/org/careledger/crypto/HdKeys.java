package org.careledger.crypto;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Objects;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.util.BigIntegers;

/**
 * BIP-32 hierarchical deterministic derivation of secp256k1 private keys from a seed, along a
 * path such as {@code m/44'/60'/0'/0/0} (BIP-44, Ethereum account 0).
 *
 * <p>Only private derivation is offered (hardened segments marked {@code '} or {@code h}, normal
 * segments plain). Extended-key serialisation (xprv/xpub) is out of scope. A segment whose
 * derived key would be invalid (probability below 2^-127) is reported as a
 * {@link CryptoException} instead of skipping to the next index as BIP-32 suggests.
 */
public final class HdKeys {

    private static final int HARDENED = 0x80000000;
    private static final byte[] MASTER_KEY = "Bitcoin seed".getBytes(StandardCharsets.US_ASCII);

    private HdKeys() {
    }

    /**
     * The key at {@code path} under the master key of {@code seed} (16 to 64 bytes).
     *
     * @throws IllegalArgumentException if the path is malformed or the seed length is wrong
     */
    public static PrivateKey derive(byte[] seed, String path) {
        Objects.requireNonNull(seed, "seed");
        if (seed.length < 16 || seed.length > 64) {
            throw new IllegalArgumentException("BIP-32 seed must be 16 to 64 bytes, got " + seed.length);
        }
        int[] indexes = parsePath(path);
        Node node = Node.of(hmacSha512(MASTER_KEY, seed));
        for (int index : indexes) {
            node = node.child(index);
        }
        return PrivateKey.fromBytes(BigIntegers.asUnsignedByteArray(32, node.key));
    }

    /** The key at {@code path} for a mnemonic with the empty passphrase. */
    public static PrivateKey derive(Mnemonic mnemonic, String path) {
        return derive(mnemonic.toSeed(), path);
    }

    /**
     * Parses {@code m} followed by {@code /}-separated indexes below 2^31, each optionally
     * marked hardened with {@code '} or {@code h}.
     *
     * @return the child numbers, hardened ones with the top bit set
     */
    static int[] parsePath(String path) {
        Objects.requireNonNull(path, "path");
        String[] parts = path.split("/", -1);
        if (!parts[0].equals("m")) {
            throw new IllegalArgumentException("Derivation path must start with m, e.g. m/44'/60'/0'/0/0");
        }
        int[] indexes = new int[parts.length - 1];
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i];
            boolean hardened = part.endsWith("'") || part.endsWith("h") || part.endsWith("H");
            String digits = hardened ? part.substring(0, part.length() - 1) : part;
            if (digits.isEmpty() || digits.length() > 10 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new IllegalArgumentException("Derivation path segment is not a number: '" + part + "'");
            }
            long value = Long.parseLong(digits);
            if (value >= (1L << 31)) {
                throw new IllegalArgumentException("Derivation path index must be below 2^31: '" + part + "'");
            }
            indexes[i - 1] = (int) value | (hardened ? HARDENED : 0);
        }
        return indexes;
    }

    private static byte[] hmacSha512(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(new SecretKeySpec(key, "HmacSHA512"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new CryptoException("HMAC-SHA512 is not available", e);
        }
    }

    /** An extended private key: scalar and chain code. */
    private record Node(BigInteger key, byte[] chainCode) {

        static Node of(byte[] i) {
            BigInteger key = new BigInteger(1, Arrays.copyOfRange(i, 0, 32));
            if (!Secp256k1.inRange(key)) {
                throw new CryptoException("This seed gives an invalid BIP-32 key; use another seed");
            }
            return new Node(key, Arrays.copyOfRange(i, 32, 64));
        }

        Node child(int index) {
            ByteBuffer data = ByteBuffer.allocate(37);
            if ((index & HARDENED) != 0) {
                data.put((byte) 0).put(BigIntegers.asUnsignedByteArray(32, key));
            } else {
                data.put(PrivateKey.fromBytes(BigIntegers.asUnsignedByteArray(32, key))
                        .publicKey().compressed());
            }
            data.putInt(index);
            byte[] i = hmacSha512(chainCode, data.array());
            BigInteger tweak = new BigInteger(1, Arrays.copyOfRange(i, 0, 32));
            BigInteger childKey = tweak.add(key).mod(Secp256k1.N);
            if (tweak.compareTo(Secp256k1.N) >= 0 || childKey.signum() == 0) {
                throw new CryptoException("BIP-32 child " + Integer.toUnsignedString(index)
                        + " is invalid for this key; use the next index");
            }
            return new Node(childKey, Arrays.copyOfRange(i, 32, 64));
        }
    }
}
