package org.careledger.ledger;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MerkleTreeTest {

    private static List<Hash> items(int count) {
        List<Hash> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            items.add(Hash.sha256(("tx-" + i).getBytes(StandardCharsets.UTF_8)));
        }
        return items;
    }

    @Test
    void everyItemOfTreesOfOneToSeventeenLeavesHasAProofThatVerifiesWithoutTheTree() {
        for (int n = 1; n <= 17; n++) {
            List<Hash> items = items(n);
            MerkleTree tree = MerkleTree.of(items);
            for (int i = 0; i < n; i++) {
                MerkleProof proof = tree.proof(i);
                assertThat(proof.verify(items.get(i), tree.root())).as("leaf %d of %d", i, n).isTrue();
                assertThat(proof.siblings().size()).isLessThanOrEqualTo(32 - Integer.numberOfLeadingZeros(n - 1) + 1);
            }
        }
    }

    @Test
    void aProofDoesNotVerifyAnotherItemAnotherPositionOrAnotherRoot() {
        List<Hash> items = items(7);
        MerkleTree tree = MerkleTree.of(items);
        MerkleProof proof = tree.proof(2);
        assertThat(proof.verify(items.get(3), tree.root())).isFalse();
        assertThat(new MerkleProof(3, 7, proof.siblings()).verify(items.get(2), tree.root())).isFalse();
        assertThat(proof.verify(items.get(2), MerkleTree.rootOf(items(8)))).isFalse();
        List<Hash> tampered = new ArrayList<>(proof.siblings());
        tampered.set(0, Hash.sha256(new byte[] {1}));
        assertThat(new MerkleProof(2, 7, tampered).verify(items.get(2), tree.root())).isFalse();
        assertThat(new MerkleProof(2, 7, tampered.subList(0, tampered.size() - 1)).verify(items.get(2), tree.root())).isFalse();
    }

    @Test
    void anOddLastItemIsNotPairedWithItselfSoRepeatingItCannotForgeTheSameRoot() {
        List<Hash> abc = items(3);
        List<Hash> abcc = new ArrayList<>(abc);
        abcc.add(abc.get(2));
        assertThatThrownBy(() -> MerkleTree.of(abcc)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("twice");
        Hash bitcoinStyleRoot = MerkleTree.nodeHash(
                MerkleTree.nodeHash(MerkleTree.leafHash(abc.get(0)), MerkleTree.leafHash(abc.get(1))),
                MerkleTree.nodeHash(MerkleTree.leafHash(abc.get(2)), MerkleTree.leafHash(abc.get(2))));
        assertThat(MerkleTree.rootOf(abc)).isNotEqualTo(bitcoinStyleRoot);
    }

    @Test
    void theRootDependsOnOrderAndOnEveryItem() {
        List<Hash> items = items(5);
        List<Hash> swapped = new ArrayList<>(items);
        swapped.set(0, items.get(1));
        swapped.set(1, items.get(0));
        assertThat(MerkleTree.rootOf(items)).isNotEqualTo(MerkleTree.rootOf(swapped));
        List<Hash> changed = new ArrayList<>(items);
        changed.set(4, Hash.sha256(new byte[] {9}));
        assertThat(MerkleTree.rootOf(items)).isNotEqualTo(MerkleTree.rootOf(changed));
    }

    @Test
    void theEmptyTreeHasRfc6962sEmptyRootAndASingleItemIsItsLeafHash() {
        assertThat(MerkleTree.rootOf(List.of()).hex())
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        Hash one = items(1).get(0);
        assertThat(MerkleTree.rootOf(List.of(one))).isEqualTo(MerkleTree.leafHash(one));
    }
}
