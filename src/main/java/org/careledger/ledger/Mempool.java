package org.careledger.ledger;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.careledger.crypto.Address;

/**
 * Transactions waiting for a block. Admission applies every rule that can be checked before a
 * block (chain id, signature, registered sender, fee, nonce not used and at most the window ahead)
 * and refuses with a reason the caller can show. Per sender the transactions are kept in nonce
 * order; a block takes each sender's run of consecutive nonces from its next one.
 *
 * <p>The pool is bounded ({@link MempoolLimits}) in transactions and in bytes: when full,
 * {@link #admit} waits for space (back-pressure) instead of dropping anything, up to a timeout. A
 * sender's fee-free transactions are bounded too, so that calls costing nothing cannot fill the pool
 * for everyone; a sender over that share is told at once ({@link SenderFullException}), without the
 * wait, because only blocks including its own transactions free its share and a caller waiting for
 * that would hold up whatever queues behind it. The sender's next nonce is let in even over its
 * share: it can be mined at once, and without it a share full of later nonces would wait for ever.
 */
public final class Mempool {

    public static final long DEFAULT_NONCE_WINDOW = 100_000;

    private final MempoolLimits limits;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition space = lock.newCondition();
    /** Senders in order of first arrival; each sender's transactions by nonce. */
    private final Map<Address, SenderQueue> bySender = new LinkedHashMap<>();
    private final Map<Hash, Transaction> byId = new HashMap<>();
    private long bytes;

    public Mempool(MempoolLimits limits) {
        this.limits = limits;
    }

    /** Thrown when the pool stayed full for the whole wait: the caller should slow down and retry. */
    public static class FullException extends RuntimeException {
        FullException(String message) {
            super(message);
        }
    }

    /**
     * Thrown at once when a sender already has as many fee-free transactions waiting as one sender
     * may: the caller should keep this one and send it again once some of them are mined.
     */
    public static final class SenderFullException extends FullException {
        SenderFullException(String message) {
            super(message);
        }
    }

    /** One sender's waiting transactions by nonce, and which of them count against its fee-free share. */
    private static final class SenderQueue {
        final TreeMap<Long, Transaction> byNonce = new TreeMap<>();
        final Set<Hash> feeFree = new HashSet<>();
        long feeFreeBytes;
    }

    /**
     * Admits a transaction checked against the tip state; returns false if it was already waiting.
     *
     * @throws TransactionRejectedException if a rule refuses it
     * @throws SenderFullException          if its sender's fee-free share is full (at once)
     * @throws FullException                if no space opened in the pool within {@code waitMillis}
     */
    public boolean admit(Transaction tx, WorldState tipState, BlockRules rules, long waitMillis) throws InterruptedException {
        rules.admit(tx, tipState, limits.nonceWindow());
        boolean feeFree = countsAsFeeFree(tx, tipState, rules);
        lock.lock();
        try {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
            while (true) {
                if (byId.containsKey(tx.id())) {
                    return false;
                }
                SenderQueue queue = bySender.get(tx.senderAddress());
                if (queue != null && queue.byNonce.containsKey(tx.nonce())) {
                    throw new TransactionRejectedException("nonce", "another transaction with nonce " + tx.nonce() + " is already waiting");
                }
                if (feeFree && queue != null && tx.nonce() != tipState.nextNonce(tx.senderAddress())) {
                    checkShare(tx, queue);
                }
                if (byId.size() < limits.maxTransactions() && bytes + tx.size() <= limits.maxBytes()) {
                    add(tx, feeFree);
                    return true;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new FullException("The ledger's queue of waiting transactions is full (at most "
                            + String.format(Locale.ROOT, "%,d", limits.maxTransactions()) + " transactions or "
                            + size(limits.maxBytes()) + "); try again shortly");
                }
                space.awaitNanos(left);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Whether the transaction takes a place of its sender's fee-free share: a call whose minimum fee
     * is nothing, whatever fee it carries, from anyone but a sealer.
     */
    private static boolean countsAsFeeFree(Transaction tx, WorldState tipState, BlockRules rules) {
        return tipState.minimumFee(tx.call()) == 0 && !rules.isSealer(tx.senderAddress());
    }

    private void checkShare(Transaction tx, SenderQueue queue) {
        if (queue.feeFree.size() >= limits.maxFeeFreePerSender()) {
            throw new SenderFullException(tx.senderAddress() + " already has "
                    + String.format(Locale.ROOT, "%,d", limits.maxFeeFreePerSender())
                    + " fee-free transactions waiting for a block, the most one sender may have; send it again once some are mined");
        }
        if (queue.feeFreeBytes + tx.size() > limits.maxFeeFreeBytesPerSender()) {
            throw new SenderFullException(tx.senderAddress() + "'s fee-free transactions waiting for a block would exceed "
                    + size(limits.maxFeeFreeBytesPerSender()) + ", the most one sender may have; send it again once some are mined");
        }
    }

    /** Up to {@code max} transactions that can go into the next block, senders taken in turn. */
    public List<Transaction> select(WorldState tipState, int max) {
        lock.lock();
        try {
            List<Iterator<Transaction>> runs = new ArrayList<>();
            Map<Iterator<Transaction>, long[]> expected = new HashMap<>();
            for (Map.Entry<Address, SenderQueue> e : bySender.entrySet()) {
                long next = tipState.nextNonce(e.getKey());
                Iterator<Transaction> it = e.getValue().byNonce.tailMap(next, true).values().iterator();
                runs.add(it);
                expected.put(it, new long[] {next});
            }
            List<Transaction> out = new ArrayList<>(Math.min(max, byId.size()));
            boolean progress = true;
            while (out.size() < max && progress) {
                progress = false;
                for (Iterator<Transaction> it : runs) {
                    if (out.size() == max) {
                        break;
                    }
                    long[] next = expected.get(it);
                    if (next[0] >= 0 && it.hasNext()) {
                        Transaction tx = it.next();
                        if (tx.nonce() == next[0]) {
                            out.add(tx);
                            next[0]++;
                            progress = true;
                        } else {
                            next[0] = -1; // a gap: later nonces wait
                        }
                    }
                }
            }
            return out;
        } finally {
            lock.unlock();
        }
    }

    /** Drops what a block included and anything whose nonce the new state has passed. */
    public void removeIncluded(Collection<Transaction> included, WorldState tipState) {
        lock.lock();
        try {
            included.forEach(this::remove);
            List<Transaction> stale = new ArrayList<>();
            bySender.forEach((sender, queue) -> stale.addAll(queue.byNonce.headMap(tipState.nextNonce(sender), false).values()));
            stale.forEach(this::remove);
            space.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Drops transactions a block refused for good, with every later nonce of the same senders: those
     * can never be mined now that an earlier nonce will not be, so they would wait for ever. Their
     * senders learn it from their absence and sign again (the portal's outbox does).
     */
    public void dropRefused(Collection<Transaction> refused) {
        lock.lock();
        try {
            for (Transaction tx : refused) {
                SenderQueue queue = bySender.get(tx.senderAddress());
                if (queue == null || !byId.containsKey(tx.id())) {
                    continue;
                }
                new ArrayList<>(queue.byNonce.tailMap(tx.nonce(), true).values()).forEach(this::remove);
            }
            space.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Puts back transactions of blocks a reorganisation removed (those still valid later). They go
     * back whatever the limits, and count against no sender's fee-free share: they were in a block
     * once, and a limit is never a reason to lose one. One whose nonce another waiting transaction of
     * its sender holds stays out: only one of the two can ever be mined.
     */
    public void reinsert(Collection<Transaction> orphaned) {
        lock.lock();
        try {
            for (Transaction tx : orphaned) {
                SenderQueue queue = bySender.get(tx.senderAddress());
                if (!byId.containsKey(tx.id()) && (queue == null || !queue.byNonce.containsKey(tx.nonce()))) {
                    add(tx, false);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private void add(Transaction tx, boolean feeFree) {
        SenderQueue queue = bySender.computeIfAbsent(tx.senderAddress(), a -> new SenderQueue());
        queue.byNonce.put(tx.nonce(), tx);
        if (feeFree) {
            queue.feeFree.add(tx.id());
            queue.feeFreeBytes += tx.size();
        }
        byId.put(tx.id(), tx);
        bytes += tx.size();
    }

    private void remove(Transaction tx) {
        if (byId.remove(tx.id()) == null) {
            return;
        }
        bytes -= tx.size();
        SenderQueue queue = bySender.get(tx.senderAddress());
        queue.byNonce.remove(tx.nonce(), tx);
        if (queue.feeFree.remove(tx.id())) {
            queue.feeFreeBytes -= tx.size();
        }
        if (queue.byNonce.isEmpty()) {
            bySender.remove(tx.senderAddress());
        }
    }

    /**
     * Everything waiting, each sender's in nonce order, for the portal to honour what is not yet in a
     * block (a revocation, say).
     */
    public List<Transaction> pending() {
        lock.lock();
        try {
            List<Transaction> out = new ArrayList<>(byId.size());
            bySender.values().forEach(queue -> out.addAll(queue.byNonce.values()));
            return out;
        } finally {
            lock.unlock();
        }
    }

    /** The sender's waiting transactions in nonce order: what a dry run of its next call starts from. */
    public List<Transaction> pendingOf(org.careledger.crypto.Address sender) {
        lock.lock();
        try {
            SenderQueue queue = bySender.get(sender);
            return queue == null ? List.of() : List.copyOf(queue.byNonce.values());
        } finally {
            lock.unlock();
        }
    }

    public int size() {
        lock.lock();
        try {
            return byId.size();
        } finally {
            lock.unlock();
        }
    }

    /** The encoded bytes of everything waiting. */
    public long bytes() {
        lock.lock();
        try {
            return bytes;
        } finally {
            lock.unlock();
        }
    }

    /** The waiting transaction {@code id}, if it is waiting. */
    public java.util.Optional<Transaction> find(Hash id) {
        lock.lock();
        try {
            return java.util.Optional.ofNullable(byId.get(id));
        } finally {
            lock.unlock();
        }
    }

    /** Up to {@code max} waiting transactions, each sender's in nonce order: a page, not the whole pool. */
    public List<Transaction> pending(int max) {
        lock.lock();
        try {
            List<Transaction> out = new ArrayList<>(Math.min(max, byId.size()));
            for (SenderQueue queue : bySender.values()) {
                for (Transaction tx : queue.byNonce.values()) {
                    if (out.size() >= max) {
                        return out;
                    }
                    out.add(tx);
                }
            }
            return out;
        } finally {
            lock.unlock();
        }
    }

    public boolean contains(Hash id) {
        lock.lock();
        try {
            return byId.containsKey(id);
        } finally {
            lock.unlock();
        }
    }

    public MempoolLimits limits() {
        return limits;
    }

    private static String size(long bytes) {
        if (bytes % MempoolLimits.MIB == 0) {
            return bytes / MempoolLimits.MIB + " MiB";
        }
        if (bytes % MempoolLimits.KIB == 0) {
            return bytes / MempoolLimits.KIB + " KiB";
        }
        return String.format(Locale.ROOT, "%,d bytes", bytes);
    }
}
