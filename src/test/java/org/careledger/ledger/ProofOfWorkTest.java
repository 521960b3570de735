package org.careledger.ledger;

import java.util.concurrent.TimeUnit;

import org.careledger.crypto.DevAccounts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProofOfWorkTest {

    private static BlockHeader template(long difficulty) {
        return new BlockHeader(BlockHeader.VERSION, 1, Hash.sha256(new byte[] {1}), Hash.sha256(new byte[] {2}),
                Hash.sha256(new byte[] {3}), 1_700_000_000_000L, difficulty, DevAccounts.ganacheAccount(0).address(), 0);
    }

    @Test
    void aMinedHeaderMeetsItsTargetAndSurvivesEncoding() throws Exception {
        try (Miner miner = new Miner(2)) {
            BlockHeader mined = miner.start(template(5000)).result().get(30, TimeUnit.SECONDS).orElseThrow();
            assertThat(ProofOfWork.satisfiedBy(mined)).isTrue();
            BlockHeader decoded = BlockHeader.decode(mined.encode());
            assertThat(decoded.hash()).isEqualTo(mined.hash());
            assertThat(ProofOfWork.satisfiedBy(decoded.withNonce(mined.nonce() + 1))).as("another nonce, almost surely not").isFalse();
        }
    }

    @Test
    void theTargetHalvesWhenTheDifficultyDoubles() {
        assertThat(new java.math.BigInteger(1, ProofOfWork.target(2)).shiftLeft(1))
                .isLessThanOrEqualTo(new java.math.BigInteger(1, ProofOfWork.target(1)));
        assertThat(ProofOfWork.target(1)).containsOnly((byte) 0xff);
    }

    @Test
    void aSearchIsCancelledAtOnceWhenACompetingBlockArrives() throws Exception {
        try (Miner miner = new Miner(2)) {
            Miner.Search search = miner.start(template(Long.MAX_VALUE / 4));
            search.cancel();
            assertThat(search.result().get(5, TimeUnit.SECONDS)).isEmpty();
        }
    }

    @Test
    void difficultyRetargetsTowardTheTargetBlockTimeByAtMostFourfold() {
        DifficultyRule rule = new DifficultyRule(1000, 10, 1);
        BlockHeader parent9 = new BlockHeader(1, 9, Hash.ZERO, Hash.ZERO, Hash.ZERO, 10_000, 1000,
                DevAccounts.ganacheAccount(0).address(), 0);
        assertThat(rule.next(parent9, 5_000)).as("twice as fast: double").isEqualTo(2000);
        assertThat(rule.next(parent9, -10_000)).as("twice as slow: half").isEqualTo(500);
        assertThat(rule.next(parent9, 9_999)).as("far too fast: at most 4x").isEqualTo(4000);
        assertThat(rule.next(parent9, -1_000_000)).as("far too slow: at most /4").isEqualTo(250);
        BlockHeader parent5 = new BlockHeader(1, 5, Hash.ZERO, Hash.ZERO, Hash.ZERO, 10_000, 1000,
                DevAccounts.ganacheAccount(0).address(), 0);
        assertThat(rule.next(parent5, 0)).as("not a retarget height").isEqualTo(1000);
    }
}
