package org.careledger.ledger;

import java.math.BigInteger;

import org.careledger.crypto.CryptoException;
import org.careledger.crypto.Signature;

/**
 * Signatures as the ledger encodes them: r and s only, 64 bytes. The signer's key is always known
 * (a transaction carries its sender's key, a block's sealer key is in genesis), so a recovery id is
 * not needed, and leaving it out means a signed transaction or block has exactly one encoding:
 * nobody can change an id by flipping a recovery byte. Decoded signatures carry recovery id 0.
 */
final class CompactSignature {

    static final int LENGTH = 64;

    private CompactSignature() {
    }

    static void write(CanonicalWriter out, Signature signature) {
        out.fixed(unsigned32(signature.r())).fixed(unsigned32(signature.s()));
    }

    static Signature read(CanonicalReader in, String what) {
        BigInteger r = new BigInteger(1, in.fixed(32, what + " r"));
        BigInteger s = new BigInteger(1, in.fixed(32, what + " s"));
        try {
            return Signature.of(r, s, 0);
        } catch (CryptoException e) {
            throw new MalformedEncodingException("Invalid " + what + ": " + e.getMessage());
        }
    }

    private static byte[] unsigned32(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[32];
        int copy = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - copy, out, 32 - copy, copy);
        return out;
    }
}
