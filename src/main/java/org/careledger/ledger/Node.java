package org.careledger.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import org.careledger.crypto.PrivateKey;
import org.careledger.ledger.store.BlockStore;
import org.careledger.ledger.store.OpenReport;

/**
 * One consortium node: its own sealer key, block store, chain and world state, mempool and miner.
 * It validates every block it receives itself, stores it durably before anyone is told of it, and
 * produces blocks when transactions wait. A node whose store holds a corrupt or invalid block
 * serves what lies before it but refuses to build on it.
 */
public final class Node implements Peer, AutoCloseable {

    private static final System.Logger log = System.getLogger(Node.class.getName());

    private final String name;
    private final PrivateKey sealerKey;
    private final Chain chain;
    private final SignatureCache signatures;
    private final Mempool mempool;
    private final BlockStore store;
    private final InMemoryNetwork network;
    private final Producer producer;
    private final List<Consumer<ChainUpdate>> listeners = new CopyOnWriteArrayList<>();
    private final Map<Hash, List<Block>> orphansByParent = new HashMap<>();
    private final Set<Hash> orphanIds = new HashSet<>();
    private final OpenReport openReport;
    private final Path checkpointFile;
    private final boolean restoredFromCheckpoint;
    private long lastCheckpointHeight;
    private volatile String refusal;

    /** Blocks between checkpoints. */
    static final int CHECKPOINT_INTERVAL = 100;

    /**
     * Opens (or creates) the node's store under {@code dataDir/nodes/<name>/blocks}, replays and
     * re-validates every stored block, and joins the network. Producing blocks starts with {@link #start()}.
     */
    public Node(String name, PrivateKey sealerKey, Genesis genesis, StateMachine machine, Path dataDir,
                InMemoryNetwork network, LongSupplier clockMillis, int minerThreads) {
        this.name = name;
        this.sealerKey = sealerKey;
        this.network = network;
        this.signatures = new SignatureCache(200_000);
        this.mempool = new Mempool(200_000, Mempool.DEFAULT_NONCE_WINDOW);
        Path home = dataDir.resolve("nodes").resolve(name);
        this.checkpointFile = home.resolve(Checkpoint.FILE_NAME);
        try {
            this.store = BlockStore.open(home.resolve("blocks"));
        } catch (IOException e) {
            throw new UncheckedIOException("Node " + name + " could not open its block store", e);
        }
        this.openReport = store.openReport();
        StoreReplay.Result replayed = StoreReplay.run(name, store, checkpointFile, sealerKey.publicKey(),
                () -> new Chain(genesis, machine, new BlockRules(genesis, clockMillis, signatures)), machine, genesis, signatures);
        this.chain = replayed.chain();
        this.restoredFromCheckpoint = replayed.usedCheckpoint();
        this.refusal = openReport.corruption().map(c -> c.message()).orElse(replayed.refusal());
        if (refusal != null) {
            log.log(System.Logger.Level.ERROR, "Node " + name + " refuses to build on its store: " + refusal);
        }
        this.lastCheckpointHeight = chain.height();
        this.producer = new Producer(this, minerThreads, clockMillis, genesis.parameters().targetBlockMillis());
        network.join(this);
    }

    /**
     * Writes a checkpoint of the state at the tip, signed with this node's key, so the next start
     * need not re-verify everything before it. Done every {@value #CHECKPOINT_INTERVAL} blocks and on close.
     */
    synchronized void writeCheckpoint() {
        if (refusal != null || chain.height() == 0) {
            return;
        }
        try {
            Checkpoint.create(chain.tip(), chain.tipStateForReading(), sealerKey).writeTo(checkpointFile);
            lastCheckpointHeight = chain.height();
        } catch (IOException e) {
            log.log(System.Logger.Level.WARNING, "Node " + name + " could not write its checkpoint: " + e);
        }
    }

    public void start() {
        if (refusal == null) {
            producer.start();
        }
    }

    /** Admits a transaction to this node's mempool and passes it on to the other nodes. */
    public void submit(Transaction tx, long waitMillis) throws InterruptedException {
        if (mempool.admit(tx, chain.tipStateForReading(), chain.rules(), waitMillis)) {
            network.broadcastTransaction(name, tx);
            producer.wake();
        }
    }

    @Override
    public void receiveTransaction(Transaction tx, String from) {
        try {
            if (mempool.admit(tx, chain.tipStateForReading(), chain.rules(), 0)) {
                producer.wake();
            }
        } catch (TransactionRejectedException | Mempool.FullException e) {
            log.log(System.Logger.Level.DEBUG, name + " ignored a transaction from " + from + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void receiveBlock(Block block, String from) {
        try {
            accept(block, from);
        } catch (BlockRejectedException e) {
            log.log(System.Logger.Level.WARNING, name + " rejected a block from " + from + ": " + e.getMessage());
        }
    }

    /**
     * Validates, stores durably, and only then makes the block part of the chain and tells listeners
     * and peers. Orphans wait for their parent.
     */
    synchronized ChainUpdate accept(Block block, String from) {
        if (refusal != null) {
            throw new BlockRejectedException(block.height(), "nodeIntegrity", "node " + name + " refuses new blocks: " + refusal);
        }
        Chain.Prepared prepared = chain.prepare(block);
        if (prepared.outcome().isPresent()) {
            if (prepared.outcome().get() == ChainUpdate.Kind.ORPHAN) {
                holdOrphan(block, from);
            }
            return chain.commit(prepared);
        }
        persist(block);
        ChainUpdate update = chain.commit(prepared);
        afterAccepted(update);
        network.broadcastBlock(name, block);
        adoptOrphansOf(block.hash());
        return update;
    }

    /** Stores a block durably; if that fails the node stops building, and the block is not added. */
    private void persist(Block block) {
        try {
            store.append(block.height(), block.encode());
        } catch (IOException | IllegalStateException e) {
            refusal = "the block store failed: " + e.getMessage();
            log.log(System.Logger.Level.ERROR, "Node " + name + " refuses to build: " + refusal);
            throw new BlockRejectedException(block.height(), "nodeIntegrity", "node " + name + " could not store the block: " + e.getMessage());
        }
    }

    private void afterAccepted(ChainUpdate update) {
        if (!update.changedMainChain()) {
            return;
        }
        WorldState tip = chain.tipStateForReading();
        List<Transaction> back = new ArrayList<>();
        Set<Hash> nowIncluded = new HashSet<>();
        update.connected().forEach(b -> b.transactions().forEach(tx -> nowIncluded.add(tx.id())));
        update.disconnected().forEach(b -> b.transactions().stream().filter(tx -> !nowIncluded.contains(tx.id())).forEach(back::add));
        mempool.reinsert(back);
        List<Transaction> included = new ArrayList<>();
        update.connected().forEach(b -> included.addAll(b.transactions()));
        mempool.removeIncluded(included, tip);
        producer.tipChanged();
        if (chain.height() >= lastCheckpointHeight + CHECKPOINT_INTERVAL) {
            writeCheckpoint();
        }
        listeners.forEach(l -> l.accept(update));
    }

    private void holdOrphan(Block block, String from) {
        if (orphanIds.add(block.hash())) {
            orphansByParent.computeIfAbsent(block.header().previousHash(), h -> new ArrayList<>()).add(block);
        }
        if (from != null) {
            network.fetch(name, from, block.header().previousHash()).ifPresent(parent -> receiveBlock(parent, from));
        }
    }

    private void adoptOrphansOf(Hash parent) {
        List<Block> children = orphansByParent.remove(parent);
        if (children == null) {
            return;
        }
        for (Block child : children) {
            orphanIds.remove(child.hash());
            receiveBlock(child, null);
        }
    }

    /** Called by the producer with a block it mined and sealed. */
    void produced(Block block) {
        receiveBlock(block, null);
    }

    @Override
    public Optional<Block> blockByHash(Hash hash) {
        return chain.block(hash);
    }

    /** Called after each block that changed the main chain is durable. */
    public void onChainUpdate(Consumer<ChainUpdate> listener) {
        listeners.add(listener);
    }

    @Override
    public String name() {
        return name;
    }

    public Chain chain() {
        return chain;
    }

    public Mempool mempool() {
        return mempool;
    }

    /** This node's place in the genesis list of sealers, for taking turns. */
    int sealerIndex() {
        return chain.genesis().sealerAddresses().indexOf(sealerKey.address());
    }

    PrivateKey sealerKey() {
        return sealerKey;
    }

    public OpenReport openReport() {
        return openReport;
    }

    /** Whether this start trusted the node's own signed checkpoint for the blocks up to it. */
    public boolean restoredFromCheckpoint() {
        return restoredFromCheckpoint;
    }

    /** Bytes of a torn tail (a crash mid-write) that opening the store cut off. */
    public long truncatedBytesAtOpen() {
        return openReport.bytesTruncated();
    }

    /** Why this node refuses to build, if it does. */
    public Optional<String> refusal() {
        return Optional.ofNullable(refusal);
    }

    @Override
    public void close() {
        producer.close();
        writeCheckpoint();
        try {
            store.close();
        } catch (IOException e) {
            log.log(System.Logger.Level.WARNING, "Node " + name + " could not close its store: " + e);
        }
    }
}
