package org.careledger.ledger;

import java.util.List;

/**
 * What adding a block did to a node's chain. On a reorganisation, {@code disconnected} lists the
 * blocks that left the main chain (tip first) and {@code connected} those that joined it (oldest
 * first); their transactions that are not in the new branch go back to the mempool.
 */
public record ChainUpdate(Kind kind, Block block, List<Block> disconnected, List<Block> connected) {

    public enum Kind {
        /** The block extends the main chain's tip. */
        EXTENDED,
        /** The block made another branch the heaviest: the main chain changed. */
        REORGANISED,
        /** Valid, stored, but on a lighter branch. */
        SIDE_BRANCH,
        /** Already known. */
        DUPLICATE,
        /** Its parent is unknown to this node. */
        ORPHAN
    }

    public boolean changedMainChain() {
        return kind == Kind.EXTENDED || kind == Kind.REORGANISED;
    }
}
