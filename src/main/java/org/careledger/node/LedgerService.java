package org.careledger.node;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.careledger.contracts.ContractState;
import org.careledger.contracts.ProofSubjects;
import org.careledger.crypto.Address;
import org.careledger.crypto.PrivateKey;
import org.careledger.ledger.Block;
import org.careledger.ledger.BlockAssembler;
import org.careledger.ledger.BlockContext;
import org.careledger.ledger.BlockHeader;
import org.careledger.ledger.Chain;
import org.careledger.ledger.ChainUpdate;
import org.careledger.ledger.ContractCall;
import org.careledger.ledger.Genesis;
import org.careledger.ledger.Hash;
import org.careledger.ledger.Mempool;
import org.careledger.ledger.Node;
import org.careledger.ledger.ProofBundle;
import org.careledger.ledger.Transaction;
import org.careledger.ledger.TransactionRejectedException;
import org.careledger.ledger.TxLocation;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The portal's door to the ledger: signs and submits transactions to the home node, dry-runs calls
 * before they are queued ({@link #trial}), waits for their inclusion, and reads the home node's
 * committed state and its pending transactions (so a revocation still waiting to be mined can
 * already be honoured). It announces what the home node does as events: {@link BlockMined} and
 * {@link TransactionCommitted} for each block joining its main chain, {@link TransactionRefused}
 * for each transaction a block refused for good.
 */
public class LedgerService {

    /** How many recent blocks {@link #summary()} averages over. */
    public static final int SAMPLE_BLOCKS = 100;
    /** The most blocks or transactions one read returns: a page, never the chain. */
    public static final int MAX_PAGE = 500;


    private final Consortium consortium;
    private final ApplicationEventPublisher events;
    private final Inclusions inclusions = new Inclusions();

    LedgerService(Consortium consortium, ApplicationEventPublisher events) {
        this.consortium = consortium;
        this.events = events;
        consortium.onReady(home -> {
            home.onChainUpdate(this::committed);
            home.onRefused(this::refused);
        });
    }

    /**
     * Signs a call with {@code key}, using the sender's next free nonce (counting its pending
     * transactions), and submits it. A full mempool, or a sender with as many fee-free transactions
     * waiting as one sender may have, is a {@link LedgerUnavailableException}: the caller keeps the
     * call and sends it again later, nothing is refused for good. The portal's modules do not call
     * this: they queue their calls durably in the outbox, which signs and submits with
     * {@link #sign} and {@link #submitSigned}.
     *
     * @throws TransactionRejectedException if a rule refuses it at once
     */
    public synchronized Transaction submit(PrivateKey key, ContractCall call, long fee) {
        Transaction tx = sign(key, nextNonce(key.address()), call, fee);
        submitSigned(tx);
        return tx;
    }

    /** Signs a call for this chain; nothing is submitted. */
    public Transaction sign(PrivateKey key, long nonce, ContractCall call, long fee) {
        return Transaction.sign(consortium.genesis().chainId(), key, nonce, call, fee);
    }

    /**
     * Submits a signed transaction to the home node, which passes it on to the others.
     *
     * @throws TransactionRejectedException if a rule refuses it at once (a used nonce, a fee below the minimum ...)
     * @throws LedgerUnavailableException   if the ledger cannot take it now (a full pool, the sender's share full, still starting)
     */
    public void submitSigned(Transaction tx) {
        Node home = requireReady();
        try {
            home.submit(tx, 5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LedgerUnavailableException("Interrupted while the ledger's queue was full");
        } catch (Mempool.FullException e) {
            throw new LedgerUnavailableException(e.getMessage());
        }
    }

    /** The smallest fee {@code call} must carry now: what its contract asks. */
    public long minimumFee(ContractCall call) {
        return requireReady().chain().tipStateForReading().minimumFee(call);
    }

    /** A dry run for {@code sender}: see {@link Trial}. */
    public Trial trial(Address sender) {
        Node home = requireReady();
        Chain.Tip tip = home.chain().tipWithState();
        BlockContext block = new BlockContext(tip.header().height() + 1, Math.max(System.currentTimeMillis(), tip.header().timestamp()),
                consortium.setup().homeSealerKey().address(), consortium.genesis().parameters());
        return new Trial(consortium.genesis().chainId(), sender, (ContractState) tip.state(), block, home.chain().rules(), home.mempool());
    }

    /**
     * Runs {@code use} with one of the install's own ledger keys (which it must not keep), as the
     * outbox does to sign a call queued for the home sealer or the treasury.
     */
    public <T> T withInstallKey(InstallKey which, Function<PrivateKey, T> use) {
        ConsortiumSetup setup = consortium.setup();
        return use.apply(which == InstallKey.TREASURY ? setup.treasuryKey() : setup.homeSealerKey());
    }

    /** The address of one of the install's own ledger keys. */
    public Address addressOf(InstallKey which) {
        return withInstallKey(which, PrivateKey::address);
    }

    /**
     * Waits until the transaction is in a durable block on the home node's main chain and returns the
     * block's height; at once if it already is, since a block may come between submitting and calling
     * this.
     *
     * @throws LedgerUnavailableException if it is not in a block within {@code timeout}, or if it is
     *                                    neither in a block nor waiting for one (a block refused it)
     */
    public long awaitCommitted(Hash transactionId, Duration timeout) {
        return inclusions.await(requireReady(), transactionId, timeout);
    }

    /** Why a block refused this transaction, if the home node refused it since the portal started. */
    public Optional<TransactionRefused> refusalOf(Hash transactionId) {
        return inclusions.refusalOf(transactionId);
    }

    /** The sender's next nonce, after the ones it already has waiting. */
    public long nextNonce(Address sender) {
        Node home = requireReady();
        long next = home.chain().tipState().nextNonce(sender);
        for (Transaction tx : home.mempool().pending()) {
            if (tx.senderAddress().equals(sender) && tx.nonce() >= next) {
                next = tx.nonce() + 1;
            }
        }
        return next;
    }

    /** A snapshot of the committed state at the home node's tip. */
    public ContractState committedState() {
        return (ContractState) requireReady().chain().tipState();
    }

    /**
     * The committed state at the home node's tip itself, not a copy: for reads only (a page's balances,
     * roles and consent lookups), where {@link #committedState()} would copy the whole state for each
     * look. States the chain holds never change once made; never apply a transaction to this one.
     */
    public ContractState committedStateForReading() {
        return (ContractState) requireReady().chain().tipStateForReading();
    }

    /**
     * The transactions {@code sender} signed that are on the home node's main chain or waiting for
     * one, oldest first. It reads every block of the main chain: meant for a check at start, not for
     * pages (an index by account comes with the explorer).
     */
    public List<Transaction> sentBy(Address sender) {
        Node home = requireReady();
        List<Transaction> out = new ArrayList<>();
        for (Block block : home.chain().mainChainBlocks()) {
            block.transactions().stream().filter(tx -> tx.senderAddress().equals(sender)).forEach(out::add);
        }
        home.mempool().pendingOf(sender).forEach(out::add);
        return out;
    }

    /**
     * The main chain's blocks above {@code height}, oldest first, at most {@code limit} of them, each
     * with the events its joining the chain announced: for a read model catching up from the chain
     * (a new one, or one that missed blocks while the portal stopped). Never on a page's path.
     */
    public List<CommittedBlock> committedAfter(long height, int limit) {
        List<Block> blocks = requireReady().chain().mainChainBlocks(); // index i holds height i + 1
        List<CommittedBlock> out = new ArrayList<>();
        for (int i = (int) Math.max(0, Math.min(height, blocks.size())); i < blocks.size() && out.size() < limit; i++) {
            out.add(CommittedBlock.of(blocks.get(i)));
        }
        return out;
    }

    /** Transactions submitted but not yet in a block. */
    public List<Transaction> pending() {
        return requireReady().mempool().pending();
    }

    /**
     * Where the home node's main chain holds the transaction (height, block hash, block time), for
     * showing "committed in block N"; empty while it is pending or if the chain does not know it.
     */
    public Optional<TxLocation> locate(Hash txId) {
        return requireReady().chain().locate(txId);
    }

    /**
     * The proof bundle of a committed transaction, saying {@code subject} (build it with
     * {@link org.careledger.contracts.ProofSubjects}); empty while the transaction is pending or
     * unknown. {@link ProofBundle#toJson()} gives the file that {@code ledger proof verify} reads.
     *
     * @throws IllegalArgumentException if {@code subject} says something the transaction does not
     */
    public Optional<ProofBundle> proofOf(Hash txId, Map<String, Object> subject) {
        Optional<ProofBundle> bundle = requireReady().chain().proofOf(txId, subject);
        bundle.flatMap(b -> ProofSubjects.mismatch(subject, b.decodedTransaction())).ifPresent(why -> {
            throw new IllegalArgumentException("The proof's subject does not match transaction " + txId.shortHex() + ": " + why);
        });
        return bundle;
    }

    /** The genesis this install's chain starts from (what {@code ledger proof verify --genesis} checks against). */
    public Genesis genesis() {
        return consortium.genesis();
    }

    public BlockHeader tip() {
        return requireReady().chain().tip();
    }

    /** Why the ledger cannot take transactions, if it cannot (still starting, or a damaged store). */
    public Optional<String> refusal() {
        if (!consortium.isReady()) {
            return Optional.of("the ledger is still starting");
        }
        return consortium.home().refusal();
    }

    /** Runs {@code action} once the ledger has started (at once if it has). */
    public void whenReady(Runnable action) {
        consortium.onReady(home -> action.run());
    }

    // ---- reads for the explorer and the consortium console: pages from the chain's indexes ----

    /** The home node's main chain at a glance: counters and the last {@value #SAMPLE_BLOCKS} headers. */
    public ChainSummary summary() {
        Node home = requireReady();
        Chain chain = home.chain();
        List<BlockHeader> recent = chain.headersDownFrom(Long.MAX_VALUE, SAMPLE_BLOCKS + 1); // newest first, genesis included
        BlockHeader tip = recent.get(0);
        long transactions = chain.transactionCount();
        int sampled = 0;
        double difficulty = 0;
        for (BlockHeader h : recent.subList(0, Math.min(recent.size(), SAMPLE_BLOCKS))) {
            if (h.height() > 0) {
                difficulty += h.difficulty();
                sampled++;
            }
        }
        // the time between blocks, over the window's blocks (genesis's timestamp is not a mining time)
        BlockHeader oldest = tip;
        for (BlockHeader h : recent) {
            if (h.height() > 0) {
                oldest = h;
            }
        }
        long gaps = tip.height() - oldest.height();
        Duration average = gaps <= 0 ? Duration.ZERO : Duration.ofMillis(Math.max(0, tip.timestamp() - oldest.timestamp()) / gaps);
        return new ChainSummary(tip.height(), tip.hash(), Instant.ofEpochMilli(tip.timestamp()), transactions,
                home.mempool().size(), home.mempool().bytes(), average, sampled == 0 ? 0 : difficulty / sampled,
                chain.nextDifficulty(), Duration.ofMillis(consortium.genesis().parameters().targetBlockMillis()), sampled);
    }

    /** Main-chain headers from {@code fromHeight} down (newest first, genesis included), at most {@code count} (capped at {@value #MAX_PAGE}). */
    public List<BlockHeader> headers(long fromHeight, int count) {
        return requireReady().chain().headersDownFrom(fromHeight, page(count));
    }

    /** Main-chain blocks from {@code fromHeight} down to height 1, newest first, at most {@code count} (capped at {@value #MAX_PAGE}). */
    public List<Block> blocks(long fromHeight, int count) {
        return requireReady().chain().blocksDownFrom(fromHeight, page(count));
    }

    /** The main chain's block at {@code height} (1 and up). */
    public Optional<Block> blockAt(long height) {
        return requireReady().chain().blockAt(height);
    }

    /** The main chain's header at {@code height}, genesis (0) included. */
    public Optional<BlockHeader> headerAt(long height) {
        return requireReady().chain().headerAt(height);
    }

    /** Block {@code hash} if the home node's main chain holds it (a side branch's blocks are not served). */
    public Optional<Block> blockByHash(Hash hash) {
        Chain chain = requireReady().chain();
        return chain.block(hash).filter(b -> chain.onMainChain(b.hash()));
    }

    /** Whether {@code hash} is the genesis header's hash. */
    public boolean isGenesis(Hash hash) {
        return requireReady().chain().genesisHeader().hash().equals(hash);
    }

    /** A committed transaction and where it is: the block and its place in it. */
    public record Located(Transaction transaction, TxLocation location) {
    }

    /** Transaction {@code txId} if the home node's main chain holds it. */
    public Optional<Located> committedTransaction(Hash txId) {
        Node home = requireReady();
        return home.chain().locate(txId).flatMap(at -> home.chain().blockAt(at.height())
                .filter(b -> at.index() < b.transactions().size() && b.transactions().get(at.index()).id().equals(txId))
                .map(b -> new Located(b.transactions().get(at.index()), at)));
    }

    /** Transaction {@code txId} if it is waiting in the home node's pool. */
    public Optional<Transaction> pendingTransaction(Hash txId) {
        return requireReady().mempool().find(txId);
    }

    /** Up to {@code max} waiting transactions (capped at {@value #MAX_PAGE}). */
    public List<Transaction> pending(int max) {
        return requireReady().mempool().pending(page(max));
    }

    private static int page(int count) {
        return Math.max(0, Math.min(count, MAX_PAGE));
    }

    /** The home node, once the ledger has started and while it builds on its store. */
    Node requireReady() {
        Node home = consortium.home();
        home.refusal().ifPresent(r -> {
            throw new LedgerUnavailableException("The ledger node refuses to build on its store: " + r);
        });
        return home;
    }

    private void committed(ChainUpdate update) {
        for (Block block : update.connected()) {
            CommittedBlock announced = CommittedBlock.of(block);
            for (TransactionCommitted tx : announced.transactions()) {
                inclusions.committed(tx);
                events.publishEvent(tx);
            }
            events.publishEvent(announced.block());
        }
    }

    private void refused(List<BlockAssembler.Refused> refused) {
        for (BlockAssembler.Refused r : refused) {
            Transaction tx = r.transaction();
            TransactionRefused event = new TransactionRefused(tx.id(), tx.senderAddress(), tx.call(), r.reason().rule(),
                    r.reason().getMessage());
            inclusions.refused(event);
            events.publishEvent(event);
        }
    }
}
