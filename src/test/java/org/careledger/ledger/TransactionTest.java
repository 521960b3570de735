package org.careledger.ledger;

import java.util.Random;

import org.careledger.crypto.DevAccounts;
import org.careledger.crypto.PrivateKey;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TransactionTest {

    private static final PrivateKey ALICE = DevAccounts.ganacheAccount(0);
    private static final PrivateKey BOB = DevAccounts.ganacheAccount(1);

    private static Transaction transfer(long nonce) {
        return Transaction.sign(1337, ALICE, nonce,
                ContractCall.of("tokens", "transfer", Arg.of(BOB.address()), Arg.of(5_000_000L)), 1000);
    }

    @Test
    void aSignedTransactionRoundTripsThroughItsCanonicalEncodingAndKeepsItsId() {
        Transaction tx = transfer(7);
        Transaction decoded = Transaction.decode(tx.encode());
        assertThat(decoded).isEqualTo(tx);
        assertThat(decoded.id()).isEqualTo(tx.id());
        assertThat(decoded.encode()).isEqualTo(tx.encode());
        assertThat(decoded.senderAddress().toString()).isEqualTo("0x90F8bf6A479f320ead074411a4B0e7944Ea8c9C1");
        assertThat(decoded.hasValidSignature()).isTrue();
        assertThat(decoded.call()).isEqualTo(tx.call());
    }

    @Test
    void signingIsDeterministicAndTheNonceChangesTheId() {
        assertThat(transfer(1).encode()).isEqualTo(transfer(1).encode());
        assertThat(transfer(1).id()).isNotEqualTo(transfer(2).id());
    }

    @Test
    void changingAnyByteOfTheSignedContentBreaksTheSignatureOrTheEncoding() {
        byte[] bytes = transfer(3).encode();
        int signatureStart = bytes.length - 65;
        for (int i = 0; i < signatureStart; i++) {
            byte[] changed = bytes.clone();
            changed[i] ^= 0x01;
            try {
                Transaction tx = Transaction.decode(changed);
                assertThat(tx.hasValidSignature()).as("byte %d changed", i).isFalse();
            } catch (MalformedEncodingException expected) {
                // a changed length, tag or key is refused by the decoder: also fine
            }
        }
    }

    @Test
    void trailingBytesUnknownVersionsAndTruncationAreRefusedWithTheTypedException() {
        byte[] bytes = transfer(4).encode();
        byte[] trailing = java.util.Arrays.copyOf(bytes, bytes.length + 1);
        assertThatThrownBy(() -> Transaction.decode(trailing)).isInstanceOf(MalformedEncodingException.class)
                .hasMessageContaining("trailing");
        byte[] version = bytes.clone();
        version[0] = 9;
        assertThatThrownBy(() -> Transaction.decode(version)).isInstanceOf(MalformedEncodingException.class)
                .hasMessageContaining("version");
        for (int cut = 0; cut < bytes.length; cut++) {
            byte[] truncated = java.util.Arrays.copyOf(bytes, cut);
            assertThatThrownBy(() -> Transaction.decode(truncated)).isInstanceOf(MalformedEncodingException.class);
        }
        assertThatThrownBy(() -> Transaction.decode(new byte[Transaction.MAX_SIZE + 1]))
                .isInstanceOf(MalformedEncodingException.class).hasMessageContaining("at most");
    }

    @Test
    void randomBytesDecodeOnlyToTheTypedException() {
        Random random = new Random(42);
        for (int i = 0; i < 2000; i++) {
            byte[] junk = new byte[random.nextInt(300)];
            random.nextBytes(junk);
            if (junk.length > 0) {
                junk[0] = 1;
            }
            try {
                Transaction.decode(junk);
            } catch (MalformedEncodingException expected) {
                // the only exception decoding may throw
            }
        }
    }

    @Test
    void aHighSSignatureIsRefused() {
        Transaction tx = transfer(5);
        byte[] bytes = tx.encode();
        java.math.BigInteger highS = org.careledger.crypto.Secp256k1.N.subtract(tx.signature().s());
        byte[] s = highS.toByteArray();
        byte[] s32 = new byte[32];
        System.arraycopy(s, Math.max(0, s.length - 32), s32, 32 - Math.min(32, s.length), Math.min(32, s.length));
        System.arraycopy(s32, 0, bytes, bytes.length - 33, 32);
        assertThatThrownBy(() -> Transaction.decode(bytes)).isInstanceOf(MalformedEncodingException.class);
    }
}
