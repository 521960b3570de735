package org.careledger.ledger;

import java.util.List;

/**
 * Proves that an item is one of the leaves under a Merkle root, without the tree. The sides of the
 * siblings follow from the index and the count, so a prover cannot choose them. Neither the root nor
 * a block header commits to the count, though, and several (index, count) pairs give the same sides
 * (leaf 2 of 3 and leaf 1 of 2 both take one left sibling; leaf 0 of 3 and of 4 two right ones): a
 * proof shows that the item is in the tree, not where. That is all it is used for; whatever the
 * count, a proof that verifies hashes the item's own leaf, which leaf and node prefixes keep apart,
 * up to the root.
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
