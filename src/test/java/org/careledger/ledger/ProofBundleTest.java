package org.careledger.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.careledger.contracts.Contracts;
import org.careledger.crypto.DevAccounts;
import org.careledger.crypto.PrivateKey;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careledger.ledger.TestChains.*;

class ProofBundleTest {

    private static final PrivateKey ALICE = DevAccounts.ganacheAccount(0);
    private static final PrivateKey BOB = DevAccounts.ganacheAccount(1);
    private static final Map<String, Object> SUBJECT = Map.of("kind", "transfer");

    private static Block blockOfThree(Chain chain, PrivateKey sealer) {
        List<Transaction> txs = List.of(transfer(ALICE, 0, BOB, 5), transfer(ALICE, 1, BOB, 6), transfer(BOB, 0, ALICE, 7));
        return mineNext(chain, sealer, txs, GENESIS_TIME + 1000);
    }

    private static Hash genesisHash() {
        return newChain().genesisHeader().hash();
    }

    @Test
    void aBundleOfEachTransactionOfASealedBlockVerifies() {
        Chain chain = newChain();
        Block block = blockOfThree(chain, SEALER_A);
        chain.add(block);
        for (int i = 0; i < 3; i++) {
            ProofBundle bundle = ProofBundle.of(block, i, GENESIS, Contracts.standard(), SUBJECT);
            assertThat(bundle).isEqualTo(ProofBundle.of(block, i, chain, SUBJECT));
            ProofBundle.Verdict verdict = bundle.verify(GENESIS, genesisHash());
            assertThat(verdict.valid()).as(verdict.toString()).isTrue();
            assertThat(verdict.height()).isEqualTo(1);
            assertThat(verdict.block()).isEqualTo(block.hash());
            assertThat(bundle.verify(null, null).valid()).isTrue();
        }
    }

    @Test
    void aChangedMerkleSiblingOrLeafIndexBreaksTheMerkleProof() {
        Block block = blockOfThree(newChain(), SEALER_A);
        ProofBundle bundle = ProofBundle.of(block, 0, GENESIS, Contracts.standard(), SUBJECT);
        List<String> path = new ArrayList<>(bundle.merklePath());
        path.set(0, Hash.sha256(new byte[] {9}).hex());
        assertThat(with(bundle, path, bundle.leafIndex(), bundle.header()).verify(null, null).rule()).isEqualTo("merkleProof");
        assertThat(with(bundle, bundle.merklePath(), 1, bundle.header()).verify(null, null).rule()).isEqualTo("merkleProof");
    }

    @Test
    void aHeaderWithAnotherNonceFailsItsProofOfWorkOrSealerSignature() {
        Block block = blockOfThree(newChain(), SEALER_A);
        ProofBundle bundle = ProofBundle.of(block, 0, GENESIS, Contracts.standard(), SUBJECT);
        BlockHeader other = block.header().withNonce(block.header().nonce() + 1);
        String rule = with(bundle, bundle.merklePath(), 0, java.util.HexFormat.of().formatHex(other.encode())).verify(null, null).rule();
        assertThat(rule).isIn("proofOfWork", "sealerSignature");
    }

    @Test
    void aBlockSealedByAnOutsiderIsNotAuthorisedUnderTheGenesis() {
        Chain chain = newChain();
        BlockAssembler.Template t = BlockAssembler.assemble(chain, List.of(transfer(ALICE, 0, BOB, 5)), OUTSIDER.address(), GENESIS_TIME + 1000);
        Block forged = forge(t.header(), t.transactions(), OUTSIDER);
        java.util.HexFormat hex = java.util.HexFormat.of();
        ProofBundle bundle = new ProofBundle(ProofBundle.VERSION, CHAIN_ID, genesisHash().hex(), hex.formatHex(forged.transactions().get(0).encode()),
                0, 1, List.of(), hex.formatHex(forged.header().encode()), hex.formatHex(forged.sealerSignature().toBytes()),
                hex.formatHex(OUTSIDER.publicKey().compressed()), SUBJECT);
        assertThat(bundle.verify(null, null).valid()).isTrue();
        assertThat(bundle.verify(GENESIS, genesisHash()).rule()).isEqualTo("sealerNotAuthorised");
    }

    @Test
    void aBundleForAnotherChainOrGenesisIsRefused() {
        Block block = blockOfThree(newChain(), SEALER_A);
        ProofBundle bundle = ProofBundle.of(block, 0, GENESIS, Contracts.standard(), SUBJECT);
        ProofBundle otherChain = new ProofBundle(bundle.version(), 1, bundle.genesisHash(), bundle.transaction(), bundle.leafIndex(),
                bundle.leafCount(), bundle.merklePath(), bundle.header(), bundle.sealerSignature(), bundle.sealerPublicKey(), SUBJECT);
        assertThat(otherChain.verify(null, null).rule()).isEqualTo("chainId");
        assertThat(bundle.verify(GENESIS, Hash.ZERO).rule()).isEqualTo("genesis");
    }

    @Test
    void undecodableHexIsAnEncodingFailure() {
        Block block = blockOfThree(newChain(), SEALER_A);
        ProofBundle bundle = ProofBundle.of(block, 0, GENESIS, Contracts.standard(), SUBJECT);
        assertThat(with(bundle, bundle.merklePath(), 0, "zz").verify(null, null).rule()).isEqualTo("encoding");
    }

    private static ProofBundle with(ProofBundle b, List<String> path, int leafIndex, String header) {
        return new ProofBundle(b.version(), b.chainId(), b.genesisHash(), b.transaction(), leafIndex, b.leafCount(), path, header,
                b.sealerSignature(), b.sealerPublicKey(), b.subject());
    }
}
