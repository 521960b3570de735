package org.careledger.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;

import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.Test;

class SignatureTest {

    private static final BigInteger R =
            new BigInteger("934b1ea10a4b3c1757e2b0c017d0b6143ce3c9a7e6a4a49860d7a6ab210ee3d8", 16);
    private static final BigInteger S =
            new BigInteger("2442ce9d2b916064108014783e923ec36b49743e2ffa1c4496f01a512aafd9e5", 16);

    private static byte[] wire(BigInteger r, BigInteger s, int v) {
        byte[] out = new byte[65];
        System.arraycopy(BigIntegers.asUnsignedByteArray(32, r), 0, out, 0, 32);
        System.arraycopy(BigIntegers.asUnsignedByteArray(32, s), 0, out, 32, 32);
        out[64] = (byte) v;
        return out;
    }

    @Test
    void wireFormIsRThenSThenRecoveryId() {
        Signature signature = Signature.of(R, S, 1);
        byte[] bytes = signature.toBytes();
        assertThat(bytes).hasSize(65).isEqualTo(wire(R, S, 1));
        assertThat(Signature.fromBytes(bytes)).isEqualTo(signature).hasSameHashCodeAs(signature);
        assertThat(Signature.fromHex(signature.toHex())).isEqualTo(signature);
        assertThat(signature.toString()).isEqualTo("Signature[r=0x" + R.toString(16)
                + ", s=0x" + S.toString(16) + ", v=1]");
    }

    @Test
    void smallValuesAreLeftPaddedTo32Bytes() {
        Signature signature = Signature.of(BigInteger.ONE, BigInteger.TWO, 0);
        assertThat(signature.toBytes()[31]).isEqualTo((byte) 1);
        assertThat(signature.toBytes()[63]).isEqualTo((byte) 2);
    }

    @Test
    void zeroOrTooLargeRAndSAreRejected() {
        BigInteger n = Secp256k1.N;
        assertThatThrownBy(() -> Signature.fromBytes(wire(BigInteger.ZERO, S, 0)))
                .isInstanceOf(InvalidSignatureException.class).hasMessageContaining("r must be");
        assertThatThrownBy(() -> Signature.fromBytes(wire(R, BigInteger.ZERO, 0)))
                .isInstanceOf(InvalidSignatureException.class).hasMessageContaining("s must be");
        assertThatThrownBy(() -> Signature.fromBytes(wire(n, S, 0)))
                .isInstanceOf(InvalidSignatureException.class).hasMessageContaining("r must be");
        assertThatThrownBy(() -> Signature.fromBytes(wire(n.add(BigInteger.ONE), S, 0)))
                .isInstanceOf(InvalidSignatureException.class);
        assertThatThrownBy(() -> Signature.fromBytes(wire(R, n, 0)))
                .isInstanceOf(InvalidSignatureException.class);
    }

    @Test
    void highSIsRejectedAndHalfNIsTheLargestAcceptedS() {
        BigInteger half = Secp256k1.HALF_N;
        assertThat(Signature.of(R, half, 0).s()).isEqualTo(half);
        assertThatThrownBy(() -> Signature.of(R, half.add(BigInteger.ONE), 0))
                .isInstanceOf(InvalidSignatureException.class)
                .hasMessage("Signature is not canonical: s is greater than n/2 (low-s rule, EIP-2)");
        assertThatThrownBy(() -> Signature.fromBytes(wire(R, Secp256k1.N.subtract(S), 0)))
                .isInstanceOf(InvalidSignatureException.class);
    }

    @Test
    void recoveryIdOtherThanZeroOrOneIsRejected() {
        for (int v : new int[] {2, 27, 28, 255}) {
            assertThatThrownBy(() -> Signature.fromBytes(wire(R, S, v)))
                    .isInstanceOf(InvalidSignatureException.class)
                    .hasMessageContaining("recovery id must be 0 or 1");
        }
    }

    @Test
    void wrongLengthIsRejected() {
        assertThatThrownBy(() -> Signature.fromBytes(new byte[64]))
                .isInstanceOf(InvalidSignatureException.class).hasMessage("Signature must be 65 bytes, got 64");
        assertThatThrownBy(() -> Signature.fromBytes(null)).isInstanceOf(InvalidSignatureException.class);
        assertThatThrownBy(() -> Signature.fromHex("0x12")).isInstanceOf(InvalidSignatureException.class);
    }
}
