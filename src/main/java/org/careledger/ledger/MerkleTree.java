package org.careledger.ledger;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The Merkle tree of a block's transaction ids, built as RFC 6962 builds it: leaves and inner nodes
 * are hashed with different prefixes, and an odd node at the end of a level is promoted unchanged
 * rather than paired with itself.
 *
 * <pre>
 *                 root = N(N(L(a), L(b)), L(c))
 *                 /                          \
 *        N(L(a), L(b))                        L(c)        c has no partner: promoted as it is
 *         /         \
 *      L(a)        L(b)                 L(x) = SHA-256(0x00 || x)
 *                                       N(l, r) = SHA-256(0x01 || l || r)
 * </pre>
 *
 * Bitcoin pairs an odd node with itself, so [a, b, c] and [a, b, c, c] share a root (CVE-2012-2459).
 * Here they do not, and a list holding the same id twice is refused outright: a block's transaction
 * list never repeats a transaction.
 */
public final class MerkleTree {

    private static final byte[] LEAF = {0x00};
    private static final byte[] NODE = {0x01};
    private static final Hash EMPTY_ROOT = Hash.sha256(new byte[0]);

    /** levels.get(0) are the leaf hashes; the last level holds the root alone. */
    private final List<List<Hash>> levels;
    private final int leafCount;

    private MerkleTree(List<List<Hash>> levels, int leafCount) {
        this.levels = levels;
        this.leafCount = leafCount;
    }

    /**
     * Builds the tree over {@code items}, in order.
     *
     * @throws IllegalArgumentException if an item occurs twice
     */
    public static MerkleTree of(List<Hash> items) {
        requireDistinct(items);
        List<List<Hash>> levels = new ArrayList<>();
        List<Hash> level = new ArrayList<>(items.size());
        for (Hash item : items) {
            level.add(leafHash(item));
        }
        levels.add(level);
        while (level.size() > 1) {
            List<Hash> up = new ArrayList<>((level.size() + 1) / 2);
            for (int i = 0; i + 1 < level.size(); i += 2) {
                up.add(nodeHash(level.get(i), level.get(i + 1)));
            }
            if (level.size() % 2 == 1) {
                up.add(level.get(level.size() - 1));
            }
            levels.add(up);
            level = up;
        }
        return new MerkleTree(levels, items.size());
    }

    /** The root over {@code items}; the SHA-256 of nothing for an empty list. */
    public static Hash rootOf(List<Hash> items) {
        return of(items).root();
    }

    public Hash root() {
        if (leafCount == 0) {
            return EMPTY_ROOT;
        }
        return levels.get(levels.size() - 1).get(0);
    }

    public int leafCount() {
        return leafCount;
    }

    /** The inclusion proof of the item at {@code index}: its siblings from the leaf up. */
    public MerkleProof proof(int index) {
        if (index < 0 || index >= leafCount) {
            throw new IndexOutOfBoundsException("No leaf " + index + " in a tree of " + leafCount);
        }
        List<Hash> siblings = new ArrayList<>();
        int i = index;
        for (int depth = 0; depth < levels.size() - 1; depth++) {
            List<Hash> level = levels.get(depth);
            int sibling = (i % 2 == 1) ? i - 1 : i + 1;
            if (sibling < level.size()) {
                siblings.add(level.get(sibling));
            }
            i /= 2;
        }
        return new MerkleProof(index, leafCount, siblings);
    }

    static Hash leafHash(Hash item) {
        return Hash.sha256(LEAF, item.bytes());
    }

    static Hash nodeHash(Hash left, Hash right) {
        return Hash.sha256(NODE, left.bytes(), right.bytes());
    }

    private static void requireDistinct(List<Hash> items) {
        Set<Hash> seen = new HashSet<>(items.size() * 2);
        for (Hash item : items) {
            if (!seen.add(item)) {
                throw new IllegalArgumentException("The same item occurs twice in a Merkle tree: " + item);
            }
        }
    }
}
