package org.careledger.ledger;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One node's view of the chain: every valid block it knows, as a tree rooted in genesis, with the
 * main chain the branch of most cumulative work (the lower hash wins a tie). Each block is validated
 * against its parent's state before it is accepted. States are kept for recent blocks and every
 * {@value #CHECKPOINT_EVERY}th; an older state is rebuilt by replaying from the nearest kept one, so a
 * reorganisation reverts and reapplies state exactly. A transaction index names the main-chain block
 * of every committed transaction; it follows the main chain (a block joining adds its transactions,
 * a block leaving removes them), and is built as the blocks are added, so a restart's replay
 * rebuilds it from the blocks it reads anyway.
 */
public final class Chain {

    static final int KEEP_RECENT_STATES = 128;
    static final int CHECKPOINT_EVERY = 128;

    private static final class Entry {
        final Block block;
        final BlockHeader header;
        final Entry parent;
        final BigInteger work;
        WorldState state;

        Entry(Block block, BlockHeader header, Entry parent, WorldState state) {
            this.block = block;
            this.header = header;
            this.parent = parent;
            this.work = (parent == null ? BigInteger.ZERO : parent.work).add(BigInteger.valueOf(header.difficulty()));
            this.state = state;
        }
    }

    private final Genesis genesis;
    private final BlockRules rules;
    private final Map<Hash, Entry> entries = new HashMap<>();
    private final List<Entry> main = new ArrayList<>();
    /** The main-chain block of every transaction on the main chain. */
    private final Map<Hash, Entry> blockOfTransaction = new HashMap<>();
    /** Transactions in the main chain's blocks. */
    private long mainTransactions;
    /** Entries still holding a state that pruning may drop, roughly in the order they came. */
    private final Deque<Entry> prunable = new ArrayDeque<>();
    private final Entry genesisEntry;

    public Chain(Genesis genesis, StateMachine machine, BlockRules rules) {
        this.genesis = genesis;
        this.rules = rules;
        WorldState state = machine.genesisState(genesis);
        this.genesisEntry = new Entry(null, GenesisBlock.header(genesis, state), null, state);
        entries.put(genesisEntry.header.hash(), genesisEntry);
        main.add(genesisEntry);
    }

    /** A block validated against its parent but not yet part of the chain: see {@link #prepare}. */
    public static final class Prepared {
        private final Block block;
        private final ChainUpdate.Kind early;
        private final Entry parent;
        private final WorldState after;

        private Prepared(Block block, ChainUpdate.Kind early, Entry parent, WorldState after) {
            this.block = block;
            this.early = early;
            this.parent = parent;
            this.after = after;
        }

        /** DUPLICATE or ORPHAN if the block needs no storing, else empty. */
        public java.util.Optional<ChainUpdate.Kind> outcome() {
            return java.util.Optional.ofNullable(early);
        }

        public Block block() {
            return block;
        }
    }

    /**
     * Validates a block against its parent without adding it, so a node can store it durably first
     * and only then {@link #commit} it: nobody reads a tip that a crash could take back. The
     * validation runs outside the chain's lock (the parent's state is never changed), so readers of
     * the tip, such as mempool admission, do not wait for a large block to be checked.
     *
     * @throws BlockRejectedException if the block breaks a rule
     */
    public Prepared prepare(Block block) {
        Entry parent;
        WorldState parentState;
        synchronized (this) {
            if (entries.containsKey(block.hash())) {
                return new Prepared(block, ChainUpdate.Kind.DUPLICATE, null, null);
            }
            parent = entries.get(block.header().previousHash());
            if (parent == null) {
                return new Prepared(block, ChainUpdate.Kind.ORPHAN, null, null);
            }
            parentState = stateOf(parent);
        }
        WorldState after = rules.validate(block, parent.header, ancestry(parent), parentState);
        return new Prepared(block, null, parent, after);
    }

    /**
     * As {@link #prepare}, for a block this node assembled itself ({@link BlockAssembler}): its
     * transactions were checked and applied, in this order, to its parent's state when the template was
     * built, giving {@code assembled}, so they are not checked and applied a second time. Every rule of
     * the header is still checked, and the state root it names must be {@code assembled}'s.
     *
     * @throws BlockRejectedException if the block breaks a rule
     */
    public Prepared prepareAssembled(Block block, WorldState assembled) {
        Entry parent;
        synchronized (this) {
            if (entries.containsKey(block.hash())) {
                return new Prepared(block, ChainUpdate.Kind.DUPLICATE, null, null);
            }
            parent = entries.get(block.header().previousHash());
            if (parent == null) {
                return new Prepared(block, ChainUpdate.Kind.ORPHAN, null, null);
            }
        }
        rules.validateAssembled(block, parent.header, ancestry(parent), assembled);
        return new Prepared(block, null, parent, assembled);
    }

    /** Adds a prepared block: fork choice, and a reorganisation if its branch is now the heaviest. */
    public ChainUpdate commit(Prepared prepared) {
        if (prepared.early != null) {
            return new ChainUpdate(prepared.early, prepared.block, List.of(), List.of());
        }
        return insert(prepared.block, prepared.parent, prepared.after);
    }

    /** Validates and adds a block in one step; throws {@link BlockRejectedException} if it breaks a rule. */
    public ChainUpdate add(Block block) {
        return commit(prepare(block));
    }

    /**
     * Adds a block that lies at or below this node's own verified checkpoint: structure, work and
     * sealer are checked, transactions and state are not (the checkpoint vouches for them), and the
     * block gets no state of its own until {@link #attachCheckpointState} or a replay gives it one.
     */
    public ChainUpdate addUnderCheckpoint(Block block) {
        Entry parent;
        synchronized (this) {
            if (entries.containsKey(block.hash())) {
                return new ChainUpdate(ChainUpdate.Kind.DUPLICATE, block, List.of(), List.of());
            }
            parent = entries.get(block.header().previousHash());
            if (parent == null) {
                return new ChainUpdate(ChainUpdate.Kind.ORPHAN, block, List.of(), List.of());
            }
        }
        rules.validateStructure(block, parent.header, ancestry(parent));
        return insert(block, parent, null);
    }

    /**
     * Gives the checkpoint block its state, restored from the checkpoint.
     *
     * @throws IllegalArgumentException if the block is unknown or the state's root is not the one in its header
     */
    public synchronized void attachCheckpointState(Hash blockHash, WorldState state) {
        Entry entry = entries.get(blockHash);
        if (entry == null) {
            throw new IllegalArgumentException("The checkpoint's block " + blockHash.shortHex() + " is not in the store");
        }
        if (!state.root().equals(entry.header.stateRoot())) {
            throw new IllegalArgumentException("The checkpoint's state root " + state.root().shortHex()
                    + " is not the one in block " + entry.header.height() + "'s header, " + entry.header.stateRoot().shortHex());
        }
        entry.state = state;
    }

    private synchronized ChainUpdate insert(Block block, Entry parent, WorldState after) {
        Hash hash = block.hash();
        if (entries.containsKey(hash)) {
            return new ChainUpdate(ChainUpdate.Kind.DUPLICATE, block, List.of(), List.of());
        }
        Entry entry = new Entry(block, block.header(), parent, after);
        entries.put(hash, entry);
        if (after != null && entry.header.height() % CHECKPOINT_EVERY != 0) {
            prunable.addLast(entry);
        }
        Entry tip = tipEntry();
        if (!heavier(entry, tip)) {
            return new ChainUpdate(ChainUpdate.Kind.SIDE_BRANCH, block, List.of(), List.of());
        }
        if (parent == tip) {
            connect(entry);
            pruneStates();
            return new ChainUpdate(ChainUpdate.Kind.EXTENDED, block, List.of(), List.of(block));
        }
        return reorganiseTo(entry);
    }

    /**
     * Fork choice: more cumulative work wins; between equal work the lower block hash wins, so every
     * node that has seen the same blocks picks the same tip without waiting for another block.
     */
    private static boolean heavier(Entry candidate, Entry tip) {
        int byWork = candidate.work.compareTo(tip.work);
        return byWork > 0 || byWork == 0 && candidate.header.hash().compareTo(tip.header.hash()) < 0;
    }

    private ChainUpdate reorganiseTo(Entry newTip) {
        Deque<Entry> connect = new ArrayDeque<>();
        Entry fork = newTip;
        while (!isOnMain(fork)) {
            connect.push(fork);
            fork = fork.parent;
        }
        List<Block> disconnected = new ArrayList<>();
        for (int h = main.size() - 1; h > fork.header.height(); h--) {
            disconnected.add(disconnectTip().block);
        }
        List<Block> connected = new ArrayList<>();
        for (Entry e : connect) {
            connect(e);
            connected.add(e.block);
        }
        pruneStates();
        return new ChainUpdate(ChainUpdate.Kind.REORGANISED, newTip.block, disconnected, connected);
    }

    private void connect(Entry entry) {
        main.add(entry);
        mainTransactions += entry.block.transactions().size();
        for (Transaction tx : entry.block.transactions()) {
            blockOfTransaction.put(tx.id(), entry);
        }
    }

    private Entry disconnectTip() {
        Entry entry = main.remove(main.size() - 1);
        mainTransactions -= entry.block.transactions().size();
        for (Transaction tx : entry.block.transactions()) {
            blockOfTransaction.remove(tx.id(), entry);
        }
        return entry;
    }

    private boolean isOnMain(Entry e) {
        long h = e.header.height();
        return h < main.size() && main.get((int) h) == e;
    }

    private BlockRules.Ancestry ancestry(Entry tipOfBranch) {
        return height -> {
            Entry e = tipOfBranch;
            while (e.header.height() > height) {
                e = e.parent;
            }
            return e.header;
        };
    }

    private WorldState stateOf(Entry entry) {
        if (entry.state != null) {
            return entry.state;
        }
        Deque<Entry> replay = new ArrayDeque<>();
        Entry e = entry;
        while (e.state == null) {
            replay.push(e);
            e = e.parent;
        }
        WorldState state = e.state.copy();
        for (Entry r : replay) {
            BlockContext context = new BlockContext(r.header.height(), r.header.timestamp(), r.header.sealer(), genesis.parameters());
            for (Transaction tx : r.block.transactions()) {
                state.apply(tx, context);
            }
        }
        return state;
    }

    /** Drops the states of blocks well below the tip (except every {@value #CHECKPOINT_EVERY}th): O(1) per block. */
    private void pruneStates() {
        long keepFrom = tipEntry().header.height() - KEEP_RECENT_STATES;
        while (!prunable.isEmpty() && prunable.peekFirst().header.height() < keepFrom) {
            prunable.pollFirst().state = null;
        }
    }

    private Entry tipEntry() {
        return main.get(main.size() - 1);
    }

    public synchronized BlockHeader tip() {
        return tipEntry().header;
    }

    public synchronized long height() {
        return main.size() - 1;
    }

    /** How many transactions the main chain's blocks hold. */
    public synchronized long transactionCount() {
        return mainTransactions;
    }

    /** The main chain's header at {@code height}, genesis (0) included. */
    public synchronized Optional<BlockHeader> headerAt(long height) {
        if (height < 0 || height >= main.size()) {
            return Optional.empty();
        }
        return Optional.of(main.get((int) height).header);
    }

    /**
     * The main chain's headers from {@code fromHeight} down, newest first, at most {@code count} of
     * them (genesis included when reached): a page of a block list, read under one lock so that the
     * page belongs to one main chain.
     */
    public synchronized List<BlockHeader> headersDownFrom(long fromHeight, int count) {
        List<BlockHeader> out = new ArrayList<>(Math.max(0, count));
        for (long h = Math.min(fromHeight, main.size() - 1); h >= 0 && out.size() < count; h--) {
            out.add(main.get((int) h).header);
        }
        return out;
    }

    /** The main chain's blocks from {@code fromHeight} down to height 1, newest first, at most {@code count}. */
    public synchronized List<Block> blocksDownFrom(long fromHeight, int count) {
        List<Block> out = new ArrayList<>(Math.max(0, count));
        for (long h = Math.min(fromHeight, main.size() - 1); h >= 1 && out.size() < count; h--) {
            out.add(main.get((int) h).block);
        }
        return out;
    }

    /** Whether the main chain holds block {@code hash}. */
    public synchronized boolean onMainChain(Hash hash) {
        Entry e = entries.get(hash);
        return e != null && isOnMain(e);
    }

    public synchronized BigInteger cumulativeWork() {
        return tipEntry().work;
    }

    /**
     * The state at the main chain's tip itself, not a copy: for reading only (nonces, registration,
     * fees at mempool admission). States the chain holds are never changed once made, so reading one
     * needs no lock; applying a transaction to it is forbidden — use {@link #tipState()} for that.
     */
    public synchronized WorldState tipStateForReading() {
        return stateOf(tipEntry());
    }

    /** A copy of the state at the main chain's tip. */
    public synchronized WorldState tipState() {
        return stateOf(tipEntry()).copy();
    }

    /** The tip's header and a copy of its state, read together so that they belong to the same block. */
    public record Tip(BlockHeader header, WorldState state) {
    }

    public synchronized Tip tipWithState() {
        Entry tip = tipEntry();
        return new Tip(tip.header, stateOf(tip).copy());
    }

    public BlockHeader genesisHeader() {
        return genesisEntry.header;
    }

    /** The main chain's block at {@code height} (genesis, height 0, has no block). */
    public synchronized Optional<Block> blockAt(long height) {
        if (height < 1 || height >= main.size()) {
            return Optional.empty();
        }
        return Optional.of(main.get((int) height).block);
    }

    public synchronized Optional<Block> block(Hash hash) {
        Entry e = entries.get(hash);
        return e == null ? Optional.empty() : Optional.ofNullable(e.block);
    }

    /** Where the main chain holds transaction {@code txId}; empty if it is pending, unknown or only on a side branch. */
    public Optional<TxLocation> locate(Hash txId) {
        return committedBlockOf(txId).map(block -> new TxLocation(block.height(), indexOf(block, txId), block.hash(),
                block.header().timestamp()));
    }

    /**
     * The proof bundle of transaction {@code txId} on the main chain, saying {@code subject}; empty
     * if the main chain does not hold it.
     */
    public Optional<ProofBundle> proofOf(Hash txId, Map<String, Object> subject) {
        return committedBlockOf(txId).map(block -> ProofBundle.of(block, indexOf(block, txId), this, subject));
    }

    private synchronized Optional<Block> committedBlockOf(Hash txId) {
        Entry entry = blockOfTransaction.get(txId);
        return entry == null ? Optional.empty() : Optional.of(entry.block);
    }

    private static int indexOf(Block block, Hash txId) {
        List<Transaction> txs = block.transactions();
        for (int i = 0; i < txs.size(); i++) {
            if (txs.get(i).id().equals(txId)) {
                return i;
            }
        }
        throw new IllegalStateException("The index names block " + block.height() + " for " + txId.shortHex() + ", which it lacks");
    }

    /** Every block this chain holds but the genesis: the main chain's and any side branch's. */
    public synchronized int knownBlocks() {
        return entries.size() - 1;
    }

    public synchronized boolean contains(Hash hash) {
        return entries.containsKey(hash);
    }

    /** The expected difficulty of the next block on the main chain. */
    public synchronized long nextDifficulty() {
        Entry tip = tipEntry();
        return rules.expectedDifficulty(tip.header, ancestry(tip));
    }

    public BlockRules rules() {
        return rules;
    }

    public Genesis genesis() {
        return genesis;
    }

    /** The main chain's blocks from height 1 up, for a store or an explorer. */
    public synchronized List<Block> mainChainBlocks() {
        List<Block> blocks = new ArrayList<>(main.size());
        for (int i = 1; i < main.size(); i++) {
            blocks.add(main.get(i).block);
        }
        return Collections.unmodifiableList(blocks);
    }
}
