package org.careledger.contracts;

import org.careledger.ledger.Hash;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Adding contracts to {@link Contracts#standard()} or roles to the registry must leave every chain
 * that exists today as it is: the same dev genesis hash, and the same state root after each block
 * of a history written before the prescriptions and invoices contracts. The values were computed by
 * the code of commit 594b213 (before either contract existed).
 */
class StandardChainCompatibilityTest {

    private static final String DEV_GENESIS_HASH = "0376f4bc209deca3db518bf38f1c0f23eff47f3af12bc1ac0ccbdf24d9ac6767";

    @Test
    void theDevGenesisHashIsTheOneEveryExistingInstallKnows() {
        assertThat(DevConsortium.genesisHeader(DevConsortium.genesis()).hash().hex()).isEqualTo(DEV_GENESIS_HASH);
    }

    @Test
    void anExistingHistoryReplaysToTheSameStateRootsBlockByBlock() {
        assertThat(LegacyHistory.roots()).extracting(Hash::hex).containsExactly(
                "7b8b128c521208d5346fb3c74ce709bb5a6fcb8d31d452796325c2ef6e0d4ab4",
                "5a64a281b44eee2893304855da95f9e945eb0159a842af4ae5943524abc622c2",
                "3a9dfefc4a89cf56e79e03770018c6c4b64826ce06ca65ce289648a08d9eb0a3",
                "a9972dfa9dcfb983ebc0b45419b93e0d1b82ce8225b7c25c3801dfff39801c30",
                "4feafd73036ff8e0b58bfac70a52ccfaeb97c4cd898018cb0caa694723847a9d",
                "1d7f86c1eb81e172a5be6fa857fc2ff97c225d847268047e51ca819a0658bb85");
    }
}
