package org.careledger.node;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.careledger.contracts.ContractState;
import org.careledger.contracts.ProofSubjects;
import org.careledger.crypto.Address;
import org.careledger.crypto.PrivateKey;
import org.careledger.ledger.BlockHeader;
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
 * The portal's door to the ledger: signs and submits transactions to the home node, waits for
 * their inclusion, and reads the home node's committed state and its pending transactions (so a
 * revocation still waiting to be mined can already be honoured).
 */
public class LedgerService {

    private final Consortium consortium;
    private final ApplicationEventPublisher events;
    /** Transactions someone awaits, completed by the block that includes them. */
    private final Map<Hash, CompletableFuture<Long>> waiting = new ConcurrentHashMap<>();

    LedgerService(Consortium consortium, ApplicationEventPublisher events) {
        this.consortium = consortium;
        this.events = events;
        consortium.onReady(home -> home.onChainUpdate(this::committed));
    }

    /**
     * Signs a call with {@code key}, using the sender's next free nonce (counting its pending
     * transactions), and submits it. A full mempool, or a sender with as many fee-free transactions
     * waiting as one sender may have, is a {@link LedgerUnavailableException}: the caller keeps the
     * call and sends it again later (the records outbox does), nothing is refused for good.
     *
     * @throws TransactionRejectedException if a rule refuses it at once
     */
    public synchronized Transaction submit(PrivateKey key, ContractCall call, long fee) {
        Node home = requireReady();
        long nonce = nextNonce(key.address());
        Transaction tx = Transaction.sign(consortium.genesis().chainId(), key, nonce, call, fee);
        try {
            home.submit(tx, 5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LedgerUnavailableException("Interrupted while the ledger's queue was full");
        } catch (Mempool.FullException e) {
            throw new LedgerUnavailableException(e.getMessage());
        }
        return tx;
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
        Node home = requireReady();
        // registered before looking at the chain: a block committed from now on completes the future,
        // and one committed before is in the chain's index
        CompletableFuture<Long> inclusion = waiting.computeIfAbsent(transactionId, id -> new CompletableFuture<>());
        try {
            Optional<Long> height = committedHeight(home, transactionId);
            if (height.isPresent()) {
                return height.get();
            }
            if (!home.mempool().contains(transactionId)) {
                // the index learns of a block before the pool forgets what it included: look once more
                return committedHeight(home, transactionId).orElseThrow(() -> new LedgerUnavailableException("Transaction "
                        + transactionId.shortHex() + " is neither in a block nor waiting for one (a block refused it, or a restart "
                        + "lost it); it has to be sent again"));
            }
            return inclusion.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return committedHeight(home, transactionId).orElseThrow(() -> new LedgerUnavailableException("Transaction "
                    + transactionId.shortHex() + " was not mined within " + describe(timeout)
                    + "; it stays queued and will be mined when the ledger catches up"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LedgerUnavailableException("Interrupted while waiting for a block");
        } catch (ExecutionException e) {
            throw new LedgerUnavailableException("Waiting for a block failed: " + e.getCause());
        } finally {
            release(home, transactionId, inclusion);
        }
    }

    private static Optional<Long> committedHeight(Node home, Hash transactionId) {
        return home.chain().locate(transactionId).map(TxLocation::height);
    }

    /**
     * Forgets the future of a transaction that no longer waits in the pool (committed, or refused),
     * first completing it for anyone else awaiting the same transaction. One still waiting keeps its
     * future: the block that includes it completes and removes it.
     */
    private void release(Node home, Hash transactionId, CompletableFuture<Long> inclusion) {
        if (inclusion.isDone() || !home.mempool().contains(transactionId)) {
            committedHeight(home, transactionId).ifPresent(inclusion::complete);
            waiting.remove(transactionId, inclusion);
        }
    }

    private static String describe(Duration timeout) {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
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

    private Node requireReady() {
        Node home = consortium.home();
        home.refusal().ifPresent(r -> {
            throw new LedgerUnavailableException("The ledger node refuses to build on its store: " + r);
        });
        return home;
    }

    private void committed(ChainUpdate update) {
        for (var block : update.connected()) {
            BlockHeader h = block.header();
            for (Transaction tx : block.transactions()) {
                CompletableFuture<Long> future = waiting.remove(tx.id());
                if (future != null) {
                    future.complete(h.height());
                }
                events.publishEvent(new TransactionCommitted(tx.id().hex(), h.height(), tx.senderAddress().toString()));
            }
            events.publishEvent(new BlockMined(h.height(), h.hash().hex(), block.transactions().size(), h.sealer().toString()));
        }
    }
}
