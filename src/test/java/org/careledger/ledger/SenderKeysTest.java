package org.careledger.ledger;

import org.careledger.crypto.DevAccounts;
import org.careledger.crypto.PrivateKey;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SenderKeysTest {

    private static final PrivateKey ALICE = DevAccounts.ganacheAccount(0);

    private static Transaction transfer(long nonce) {
        return Transaction.sign(1337, ALICE, nonce,
                ContractCall.of("tokens", "transfer", Arg.of(DevAccounts.ganacheAccount(1).address()), Arg.of(1L)), 1000);
    }

    @Test
    void twoDecodedTransactionsOfOneSenderShareOneParsedKeyAndBothStillVerify() {
        Transaction first = Transaction.decode(transfer(1).encode());
        Transaction second = Transaction.decode(transfer(2).encode());
        assertThat(second.sender()).isSameAs(first.sender());
        assertThat(first.hasValidSignature()).isTrue();
        assertThat(second.hasValidSignature()).isTrue();
        assertThat(second.senderAddress()).isEqualTo(ALICE.address());
    }

    @Test
    void aKeyThatIsNoPointIsRefusedEveryTimeAndNeverRemembered() {
        byte[] bytes = transfer(3).encode();
        byte[] broken = bytes.clone();
        int keyStart = 1 + 8;
        broken[keyStart + 1] ^= 0x5a; // x changes; most x have no point on the curve
        for (int attempt = 0; attempt < 2; attempt++) {
            int remembered = SenderKeys.size();
            try {
                Transaction tx = Transaction.decode(broken);
                assertThat(tx.hasValidSignature()).as("a changed key never verifies the old signature").isFalse();
            } catch (MalformedEncodingException refused) {
                assertThat(refused).hasMessageContaining("Invalid transaction");
                assertThat(SenderKeys.size()).as("a refused key is not remembered").isEqualTo(remembered);
            }
        }
        byte[] prefix = bytes.clone();
        prefix[keyStart] = 0x05;
        int remembered = SenderKeys.size();
        assertThatThrownBy(() -> Transaction.decode(prefix)).isInstanceOf(MalformedEncodingException.class);
        assertThatThrownBy(() -> Transaction.decode(prefix)).isInstanceOf(MalformedEncodingException.class);
        assertThat(SenderKeys.size()).as("a refused key is not remembered").isEqualTo(remembered);
    }

    @Test
    void itNeverHoldsMoreThanItsCapacity() {
        for (int i = 0; i < SenderKeys.CAPACITY + 10; i++) {
            byte[] seed = new byte[32];
            seed[0] = 1;
            seed[28] = (byte) (i >>> 24);
            seed[29] = (byte) (i >>> 16);
            seed[30] = (byte) (i >>> 8);
            seed[31] = (byte) i;
            SenderKeys.parse(PrivateKey.fromBytes(seed).publicKey().compressed());
            assertThat(SenderKeys.size()).isLessThanOrEqualTo(SenderKeys.CAPACITY);
        }
    }
}
