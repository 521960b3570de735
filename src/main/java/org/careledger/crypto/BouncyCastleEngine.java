package org.careledger.crypto;

import java.math.BigInteger;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.util.BigIntegers;

/** secp256k1 on BouncyCastle's low-level API: pure Java, the fallback that runs everywhere. */
final class BouncyCastleEngine implements EcdsaEngine {

    static final BouncyCastleEngine INSTANCE = new BouncyCastleEngine();

    private BouncyCastleEngine() {
    }

    @Override
    public CryptoProvider provider() {
        return CryptoProvider.BOUNCYCASTLE;
    }

    @Override
    public Signature sign(PrivateKey key, byte[] hash32) {
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, new ECPrivateKeyParameters(key.scalar(), Secp256k1.DOMAIN));
        BigInteger[] rs = signer.generateSignature(hash32);
        BigInteger r = rs[0];
        BigInteger s = rs[1].compareTo(Secp256k1.HALF_N) > 0 ? Secp256k1.N.subtract(rs[1]) : rs[1];
        ECPoint expected = key.publicKey().point();
        for (int v = 0; v <= 1; v++) {
            ECPoint candidate = recoverPoint(hash32, r, s, v);
            if (candidate != null && candidate.equals(expected)) {
                return Signature.of(r, s, v);
            }
        }
        throw new IllegalStateException("Could not compute the recovery id of a fresh signature");
    }

    @Override
    public boolean verify(PublicKey key, byte[] hash32, BigInteger r, BigInteger s) {
        if (s.compareTo(Secp256k1.HALF_N) > 0) {
            return false; // the low-s rule, as libsecp256k1's verification applies it too
        }
        ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, new ECPublicKeyParameters(key.point(), Secp256k1.DOMAIN));
        return verifier.verifySignature(hash32, r, s);
    }

    @Override
    public PublicKey recover(byte[] hash32, Signature signature) {
        ECPoint q = recoverPoint(hash32, signature.r(), signature.s(), signature.v());
        return q == null ? null : PublicKey.fromPoint(q);
    }

    @Override
    public PublicKey publicKey(PrivateKey key) {
        return PublicKey.fromPoint(new FixedPointCombMultiplier().multiply(Secp256k1.DOMAIN.getG(), key.scalar()));
    }

    @Override
    public PublicKey parsePublicKey(byte[] encoded) {
        try {
            return PublicKey.fromPoint(Secp256k1.DOMAIN.getCurve().decodePoint(encoded));
        } catch (IllegalArgumentException e) {
            return null; // not a point of the curve (InvalidKeyException is one too)
        }
    }

    /** SEC 1 v2 section 4.1.6 for recovery ids 0 and 1; {@code null} when nothing is recoverable. */
    private static ECPoint recoverPoint(byte[] hash, BigInteger r, BigInteger s, int v) {
        if (!Secp256k1.inRange(r) || !Secp256k1.inRange(s)) {
            return null;
        }
        byte[] encodedR = new byte[33];
        encodedR[0] = (byte) (v == 0 ? 0x02 : 0x03);
        System.arraycopy(BigIntegers.asUnsignedByteArray(32, r), 0, encodedR, 1, 32);
        ECPoint bigR;
        try {
            bigR = Secp256k1.DOMAIN.getCurve().decodePoint(encodedR);
        } catch (IllegalArgumentException e) {
            return null; // r is not the x coordinate of a curve point
        }
        BigInteger e = new BigInteger(1, hash);
        BigInteger rInv = r.modInverse(Secp256k1.N);
        BigInteger u1 = Secp256k1.N.subtract(e).multiply(rInv).mod(Secp256k1.N);
        BigInteger u2 = s.multiply(rInv).mod(Secp256k1.N);
        ECPoint q = ECAlgorithms.sumOfTwoMultiplies(Secp256k1.DOMAIN.getG(), u1, bigR, u2).normalize();
        return q.isInfinity() ? null : q;
    }
}
