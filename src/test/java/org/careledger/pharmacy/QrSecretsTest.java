package org.careledger.pharmacy;

import org.careledger.ledger.Hash;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The QR code's reverse hash chain: each fill's secret is the preimage of the last, and only the seed leads to them. */
class QrSecretsTest {

    private static final byte[] SEED = Hash.sha256("a patient's seed".getBytes()).bytes();

    @Test
    void eachFillPresentsThePreimageOfTheHashOnChainAndTheNextCodeFollowsFromTheChainAlone() {
        Hash issuedWith = QrSecrets.initialHash(SEED);
        Hash first = QrSecrets.current(SEED, issuedWith).orElseThrow();
        assertThat(Hash.sha256(first.bytes())).as("the first code opens what was issued").isEqualTo(issuedWith);

        // a fill sets the chain's secret hash to the secret it presented
        Hash second = QrSecrets.current(SEED, first).orElseThrow();
        assertThat(Hash.sha256(second.bytes())).isEqualTo(first);
        assertThat(second).isNotEqualTo(first);
        assertThat(QrSecrets.current(SEED, second).orElseThrow()).isNotIn(first, second);
    }

    @Test
    void anotherSeedOrAHashOffTheChainLeadsNowhere() {
        Hash issuedWith = QrSecrets.initialHash(SEED);
        byte[] other = Hash.sha256("another seed".getBytes()).bytes();
        assertThat(QrSecrets.current(other, issuedWith)).isEmpty();
        assertThat(QrSecrets.current(SEED, Hash.sha256("not on the chain".getBytes()))).isEmpty();
    }

    @Test
    void theLastCodeIsTheSeedItselfAndAfterItNothingIsLeft() {
        Hash y1 = Hash.sha256(SEED);
        assertThat(QrSecrets.current(SEED, y1).orElseThrow().bytes()).isEqualTo(SEED);
        assertThat(QrSecrets.current(SEED, Hash.wrap(SEED))).isEmpty();
    }
}
