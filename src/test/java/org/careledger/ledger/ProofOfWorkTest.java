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

    private static BlockHeader header(long height, long timestamp, long difficulty) {
        return new BlockHeader(1, height, Hash.ZERO, Hash.ZERO, Hash.ZERO, timestamp, difficulty,
                DevAccounts.ganacheAccount(0).address(), 0);
    }

    @Test
    void difficultyRetargetsTowardTheTargetBlockTimeByAtMostFourfold() {
        DifficultyRule rule = new DifficultyRule(1000, 10, 1);
        BlockHeader parent19 = header(19, 20_000, 1000);
        assertThat(rule.windowStart(20)).as("the ten gaps ending at the parent").isEqualTo(9);
        assertThat(rule.next(parent19, header(9, 15_000, 1000))).as("twice as fast: double").isEqualTo(2000);
        assertThat(rule.next(parent19, header(9, 0, 1000))).as("twice as slow: half").isEqualTo(500);
        assertThat(rule.next(parent19, header(9, 19_999, 1000))).as("far too fast: at most 4x").isEqualTo(4000);
        assertThat(rule.next(parent19, header(9, -1_000_000, 1000))).as("far too slow: at most /4").isEqualTo(250);
        assertThat(rule.next(header(15, 10_000, 1000), header(9, 0, 1000))).as("not a retarget height").isEqualTo(1000);
    }

    @Test
    void theFirstRetargetMeasuresFromBlockOneNotFromTheGenesisTime() {
        DifficultyRule rule = new DifficultyRule(200, 20, 1);
        long genesisTime = 1_767_225_600_000L;            // the dev genesis: months before any block
        long firstBlock = genesisTime + 300L * 24 * 3600 * 1000;
        BlockHeader parent19 = header(19, firstBlock + 18 * 100, 64); // blocks twice as fast as the target
        assertThat(rule.windowStart(20)).isEqualTo(1);
        assertThat(rule.next(parent19, header(1, firstBlock, 64))).as("18 gaps of 100 ms against 200 ms: double")
                .isEqualTo(128);
        DifficultyRule everyBlock = new DifficultyRule(200, 1, 1);
        assertThat(everyBlock.windowStart(1)).isZero();
        assertThat(everyBlock.next(header(0, genesisTime, 64), header(0, genesisTime, 64)))
                .as("block 1: no block after the genesis to measure yet").isEqualTo(64);
    }
}
