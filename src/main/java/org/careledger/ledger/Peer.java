package org.careledger.ledger;

import java.util.Optional;

/** A node as the network sees it: it receives blocks and transactions and serves blocks by hash. */
public interface Peer {

    String name();

    void receiveBlock(Block block, String from);

    void receiveTransaction(Transaction tx, String from);

    Optional<Block> blockByHash(Hash hash);

    /** The tip of this peer's main chain (empty while it has only the genesis block). */
    Optional<Block> tipBlock();
}
