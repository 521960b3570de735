package org.careledger.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
    /** Asks the peers for their tips when the chain has been quiet for {@link #syncMillis}, so a node that fell behind catches up. */
    private final ScheduledExecutorService sync;
    private final long syncMillis;
    private volatile long lastTipChangeNanos = System.nanoTime() - TimeUnit.DAYS.toNanos(1);
    private final List<Consumer<ChainUpdate>> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<List<BlockAssembler.Refused>>> refusalListeners = new CopyOnWriteArrayList<>();
    private final Map<Hash, List<Block>> orphansByParent = new HashMap<>();
    /** Held blocks whose parent is unknown, by hash. */
    private final Map<Hash, Block> orphans = new HashMap<>();
    /** The most blocks held for a missing parent; beyond it the pool starts afresh (a sync fetches them again). */
    static final int MAX_ORPHANS = 10_000;
    private final OpenReport openReport;
    private final Path checkpointFile;
    private final boolean restoredFromCheckpoint;
    private long lastCheckpointHeight;
    /** The height of the checkpoint file on disk; -1 while there is none, {@link #UNKNOWN} until first asked. */
    private final java.util.concurrent.atomic.AtomicLong checkpointOnDisk = new java.util.concurrent.atomic.AtomicLong(UNKNOWN);
    private static final long UNKNOWN = -2;
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
        this.mempool = new Mempool(MempoolLimits.standard());
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
        this.syncMillis = Math.max(1000, 2 * genesis.parameters().targetBlockMillis());
        this.sync = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "careledger-sync-" + name);
            t.setDaemon(true);
            return t;
        });
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
            checkpointOnDisk.set(lastCheckpointHeight);
        } catch (IOException e) {
            log.log(System.Logger.Level.WARNING, "Node " + name + " could not write its checkpoint: " + e);
        }
    }

    public void start() {
        if (refusal == null) {
            producer.start();
            sync.scheduleWithFixedDelay(this::syncQuietly, 0, syncMillis, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Catches up when the chain has been quiet here for a sync period: while blocks arrive, the
     * broadcasts and the fetching of a newcomer's missing ancestors already keep this node current,
     * and asking for tips then would only validate blocks ahead of their own delivery.
     */
    private void syncQuietly() {
        if (System.nanoTime() - lastTipChangeNanos < TimeUnit.MILLISECONDS.toNanos(syncMillis)) {
            return;
        }
        try {
            syncWithPeers();
        } catch (RuntimeException e) {
            log.log(System.Logger.Level.WARNING, name + " could not catch up with its peers: " + e);
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
        return accept(block, from, null);
    }

    /** As {@link #accept(Block, String)}; {@code assembled}, if given, is the state this node's own template computed. */
    private synchronized ChainUpdate accept(Block block, String from, WorldState assembled) {
        ChainUpdate update = acceptOne(block, from, assembled);
        if (update.kind() != ChainUpdate.Kind.ORPHAN && update.kind() != ChainUpdate.Kind.DUPLICATE) {
            adoptOrphansOf(block.hash());
        }
        return update;
    }

    private ChainUpdate acceptOne(Block block, String from, WorldState assembled) {
        if (refusal != null) {
            throw new BlockRejectedException(block.height(), "nodeIntegrity", "node " + name + " refuses new blocks: " + refusal);
        }
        Chain.Prepared prepared = assembled == null ? chain.prepare(block) : chain.prepareAssembled(block, assembled);
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
        return update;
    }

    /** Stores a block durably; if that fails the node stops building, and the block is not added. */
    private void persist(Block block) {
        try {
            store.append(block.height(), block.encodedView());
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
        lastTipChangeNanos = System.nanoTime();
        if (chain.height() >= lastCheckpointHeight + CHECKPOINT_INTERVAL) {
            writeCheckpoint();
        }
        listeners.forEach(l -> l.accept(update));
    }

    /**
     * Keeps a block whose parent is unknown and asks the peer it came from for the missing ancestors,
     * walking back one block at a time until it reaches a block this node has, then adds them oldest
     * first (each adoption then brings in the blocks held for it). A loop, not a recursion: a node
     * thousands of blocks behind catches up in one go.
     */
    private void holdOrphan(Block block, String from) {
        if (orphans.size() >= MAX_ORPHANS) {
            orphans.clear();
            orphansByParent.clear();
        }
        if (orphans.putIfAbsent(block.hash(), block) == null) {
            orphansByParent.computeIfAbsent(block.header().previousHash(), h -> new ArrayList<>()).add(block);
        }
        if (from == null) {
            return;
        }
        ArrayDeque<Block> missing = new ArrayDeque<>();
        Hash wanted = block.header().previousHash();
        while (!chain.contains(wanted)) {
            Block held = orphans.get(wanted);
            if (held != null) {
                wanted = held.header().previousHash(); // already here, waiting: look further back
                continue;
            }
            Optional<Block> parent = network.fetch(name, from, wanted);
            if (parent.isEmpty()) {
                break;
            }
            missing.push(parent.get());
            wanted = parent.get().header().previousHash();
        }
        while (!missing.isEmpty()) {
            Block oldest = missing.pop();
            if (!chain.contains(oldest.hash())) {
                receiveBlock(oldest, null);
            }
        }
    }

    /** Adds the blocks that were waiting for {@code parent}, and those waiting for them, in a loop. */
    private void adoptOrphansOf(Hash parent) {
        ArrayDeque<Hash> parents = new ArrayDeque<>();
        parents.add(parent);
        while (!parents.isEmpty()) {
            List<Block> children = orphansByParent.remove(parents.poll());
            if (children == null) {
                continue;
            }
            for (Block child : children) {
                orphans.remove(child.hash());
                try {
                    if (acceptOne(child, null, null).kind() != ChainUpdate.Kind.ORPHAN) {
                        parents.add(child.hash());
                    }
                } catch (BlockRejectedException e) {
                    log.log(System.Logger.Level.WARNING, name + " rejected a held block: " + e.getMessage());
                }
            }
        }
    }

    /**
     * Asks every peer it can reach for its tip and takes any it does not know, fetching the missing
     * ancestors: so a node that was partitioned, lost messages or was stopped catches up even while
     * the chain is quiet, not only when the next block is broadcast.
     */
    void syncWithPeers() {
        if (refusal != null) {
            return;
        }
        for (String peer : network.peerNames()) {
            if (peer.equals(name)) {
                continue;
            }
            Optional<Block> tip = network.tipOf(name, peer);
            if (tip.isPresent() && !chain.contains(tip.get().hash())) {
                receiveBlock(tip.get(), peer);
            }
        }
    }

    /**
     * Called by the producer with a block it mined and sealed from a template whose state after the
     * transactions is {@code assembled}: the node's own transactions were checked when the template was
     * built, and are not checked again.
     */
    void produced(Block block, WorldState assembled) {
        try {
            accept(block, null, assembled);
        } catch (BlockRejectedException e) {
            log.log(System.Logger.Level.WARNING, name + " rejected its own block: " + e.getMessage());
        }
    }

    @Override
    public Optional<Block> blockByHash(Hash hash) {
        return chain.block(hash);
    }

    @Override
    public Optional<Block> tipBlock() {
        BlockHeader tip = chain.tip();
        return tip.height() == 0 ? Optional.empty() : chain.block(tip.hash());
    }

    /**
     * Called when this node, assembling a block, leaves out transactions that a rule refuses for good
     * (a contract's rule, a fee the sender cannot pay: anything but a nonce, see
     * {@link BlockAssembler.Refused#permanent()}).
     * They leave the mempool, with their senders' later nonces; nothing else reports them, so this
     * is how whoever sent them learns why.
     */
    public void onRefused(Consumer<List<BlockAssembler.Refused>> listener) {
        refusalListeners.add(listener);
    }

    void refused(List<BlockAssembler.Refused> refused) {
        if (refused.isEmpty()) {
            return;
        }
        for (Consumer<List<BlockAssembler.Refused>> l : refusalListeners) {
            try {
                l.accept(refused);
            } catch (RuntimeException e) {
                log.log(System.Logger.Level.WARNING, name + ": a refusal listener failed: " + e);
            }
        }
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

    /**
     * Stops this node sealing blocks until {@link #resumeSealing}: it keeps admitting transactions,
     * validating the blocks the others seal and following the chain, so the consortium goes on
     * without it (the next sealer in line takes its turns after the out-of-turn wait).
     */
    public void pauseSealing() {
        producer.pause();
    }

    public void resumeSealing() {
        producer.resume();
    }

    public boolean sealingPaused() {
        return producer.paused();
    }

    /** Hashes per second of this node's last block search; 0 before it has mined. */
    public double hashesPerSecond() {
        return producer.hashesPerSecond();
    }

    /** The address this node seals with. */
    public org.careledger.crypto.Address sealerAddress() {
        return sealerKey.address();
    }

    /** How many other nodes of the network this node can reach now. */
    public int reachablePeers() {
        int n = 0;
        for (String peer : network.peerNames()) {
            if (!peer.equals(name) && network.canReach(name, peer)) {
                n++;
            }
        }
        return n;
    }

    /** How many other nodes the network holds, reachable or not. */
    public int knownPeers() {
        return (int) network.peerNames().stream().filter(p -> !p.equals(name)).count();
    }

    /** Bytes of this node's block files on disk. */
    public long storeBytes() {
        return store.sizeBytes();
    }

    /** The height of this node's checkpoint on disk, -1 if it has none yet. */
    public long checkpointHeight() {
        if (checkpointOnDisk.get() == UNKNOWN) {
            // read when first asked, not at open: the replay has just read the file, once is enough on the start path
            checkpointOnDisk.compareAndSet(UNKNOWN, heightOfCheckpointFile(checkpointFile));
        }
        return checkpointOnDisk.get();
    }

    private static long heightOfCheckpointFile(Path file) {
        try {
            return Checkpoint.readFrom(file).map(Checkpoint::height).orElse(-1L);
        } catch (IOException | RuntimeException e) {
            return -1; // an unreadable one: the replay has said so already
        }
    }

    /** This node's place in the genesis list of sealers, for taking turns. */
    int sealerIndex() {
        return chain.genesis().sealerAddresses().indexOf(sealerKey.address());
    }

    /** How many transaction signatures this node has verified since it opened (each at most once). */
    long signaturesVerified() {
        return signatures.verifications();
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
        sync.shutdown();
        try {
            sync.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close();
        writeCheckpoint();
        try {
            store.close();
        } catch (IOException e) {
            log.log(System.Logger.Level.WARNING, "Node " + name + " could not close its store: " + e);
        }
    }
}
