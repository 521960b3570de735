package org.careledger.ledger;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.careledger.crypto.Address;

/**
 * Transactions waiting for a block. Admission applies every rule that can be checked before a
 * block (chain id, signature, registered sender, fee, nonce not used and at most
 * {@code nonceWindow} ahead) and refuses with a reason the caller can show. Per sender the
 * transactions are kept in nonce order; a block takes each sender's run of consecutive nonces from
 * its next one. The pool is bounded: when full, {@link #admit} waits for space (back-pressure)
 * instead of dropping anything, up to a timeout.
 */
public final class Mempool {

    public static final long DEFAULT_NONCE_WINDOW = 100_000;

    private final int capacity;
    private final long nonceWindow;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition space = lock.newCondition();
    /** Senders in order of first arrival; each sender's transactions by nonce. */
    private final Map<Address, TreeMap<Long, Transaction>> bySender = new LinkedHashMap<>();
    private final Map<Hash, Transaction> byId = new HashMap<>();

    public Mempool(int capacity, long nonceWindow) {
        this.capacity = capacity;
        this.nonceWindow = nonceWindow;
    }

    /** Thrown when the pool stayed full for the whole wait: the caller should slow down and retry. */
    public static final class FullException extends RuntimeException {
        public FullException(int capacity) {
            super("The ledger's queue of waiting transactions is full (" + capacity + "); try again shortly");
        }
    }

    /**
     * Admits a transaction checked against the tip state; returns false if it was already waiting.
     *
     * @throws TransactionRejectedException if a rule refuses it
     * @throws FullException if no space opened within {@code waitMillis}
     */
    public boolean admit(Transaction tx, WorldState tipState, BlockRules rules, long waitMillis) throws InterruptedException {
        rules.admit(tx, tipState, nonceWindow);
        lock.lock();
        try {
            if (byId.containsKey(tx.id())) {
                return false;
            }
            TreeMap<Long, Transaction> queue = bySender.get(tx.senderAddress());
            if (queue != null && queue.containsKey(tx.nonce())) {
                throw new TransactionRejectedException("nonce", "another transaction with nonce " + tx.nonce() + " is already waiting");
            }
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
            while (byId.size() >= capacity) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new FullException(capacity);
                }
                space.awaitNanos(left);
            }
            bySender.computeIfAbsent(tx.senderAddress(), a -> new TreeMap<>()).put(tx.nonce(), tx);
            byId.put(tx.id(), tx);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Up to {@code max} transactions that can go into the next block, senders taken in turn. */
    public List<Transaction> select(WorldState tipState, int max) {
        lock.lock();
        try {
            List<Iterator<Transaction>> runs = new ArrayList<>();
            Map<Iterator<Transaction>, long[]> expected = new HashMap<>();
            for (Map.Entry<Address, TreeMap<Long, Transaction>> e : bySender.entrySet()) {
                long next = tipState.nextNonce(e.getKey());
                Iterator<Transaction> it = e.getValue().tailMap(next, true).values().iterator();
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
            for (Transaction tx : included) {
                remove(tx);
            }
            for (Iterator<Map.Entry<Address, TreeMap<Long, Transaction>>> it = bySender.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<Address, TreeMap<Long, Transaction>> e = it.next();
                long next = tipState.nextNonce(e.getKey());
                for (Transaction stale : new ArrayList<>(e.getValue().headMap(next, false).values())) {
                    byId.remove(stale.id());
                    e.getValue().remove(stale.nonce());
                }
                if (e.getValue().isEmpty()) {
                    it.remove();
                }
            }
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
                TreeMap<Long, Transaction> queue = bySender.get(tx.senderAddress());
                if (queue == null || !byId.containsKey(tx.id())) {
                    continue;
                }
                for (Transaction later : new ArrayList<>(queue.tailMap(tx.nonce(), true).values())) {
                    remove(later);
                }
            }
            space.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Puts back transactions of blocks a reorganisation removed (those still valid later). */
    public void reinsert(Collection<Transaction> orphaned) {
        lock.lock();
        try {
            for (Transaction tx : orphaned) {
                if (byId.putIfAbsent(tx.id(), tx) == null) {
                    bySender.computeIfAbsent(tx.senderAddress(), a -> new TreeMap<>()).put(tx.nonce(), tx);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private void remove(Transaction tx) {
        if (byId.remove(tx.id()) != null) {
            TreeMap<Long, Transaction> queue = bySender.get(tx.senderAddress());
            if (queue != null) {
                queue.remove(tx.nonce());
                if (queue.isEmpty()) {
                    bySender.remove(tx.senderAddress());
                }
            }
        }
    }

    /** Everything waiting, for the portal to honour what is not yet in a block (a revocation, say). */
    public List<Transaction> pending() {
        lock.lock();
        try {
            return List.copyOf(byId.values());
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

    public boolean contains(Hash id) {
        lock.lock();
        try {
            return byId.containsKey(id);
        } finally {
            lock.unlock();
        }
    }
}
