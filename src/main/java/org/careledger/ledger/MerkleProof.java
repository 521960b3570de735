package org.careledger.ledger;

import java.util.List;

/**
 * Proves that an item is the {@code leafIndex}-th of {@code leafCount} items under a Merkle root,
 * without the tree. The sides of the siblings follow from the index and the count, so a proof
 * cannot be replayed for another position.
 */
public record MerkleProof(int leafIndex, int leafCount, List<Hash> siblings) {

    public MerkleProof {
        if (leafCount < 1 || leafIndex < 0 || leafIndex >= leafCount) {
            throw new IllegalArgumentException("Leaf " + leafIndex + " of " + leafCount + " is not a position in a tree");
        }
        siblings = List.copyOf(siblings);
    }

    /** True if {@code item} at this position yields {@code root}. */
    public boolean verify(Hash item, Hash root) {
        Hash current = MerkleTree.leafHash(item);
        int index = leafIndex;
        int size = leafCount;
        int used = 0;
        while (size > 1) {
            boolean isRight = index % 2 == 1;
            boolean hasSibling = isRight || index + 1 < size;
            if (hasSibling) {
                if (used == siblings.size()) {
                    return false;
                }
                Hash sibling = siblings.get(used++);
                current = isRight ? MerkleTree.nodeHash(sibling, current) : MerkleTree.nodeHash(current, sibling);
            }
            index /= 2;
            size = (size + 1) / 2;
        }
        return used == siblings.size() && current.equals(root);
    }
}
