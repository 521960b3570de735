package org.careledger.ledger;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Joins the nodes of one process. Messages are delivered on a background thread after a delay, may
 * be lost with a set probability, and never cross a partition; tests set all three. It stands where
 * a real transport between hospitals will stand (see {@link Peer}).
 */
public final class InMemoryNetwork implements AutoCloseable {

    private final Map<String, Peer> peers = new ConcurrentHashMap<>();
    /** One delivery thread per receiving peer: each peer gets its messages in order, peers work in parallel. */
    private final Map<String, ScheduledExecutorService> delivery = new ConcurrentHashMap<>();
    private volatile boolean closed;
    private final Random random;
    private volatile long delayMillis;
    private volatile double lossRate;
    private volatile List<Set<String>> partitions = List.of();

    public InMemoryNetwork(long seed) {
        this.random = new Random(seed);
    }

    public void join(Peer peer) {
        peers.put(peer.name(), peer);
        delivery.computeIfAbsent(peer.name(), name -> Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "careledger-network-" + name);
            t.setDaemon(true);
            return t;
        }));
    }

    public void setDelayMillis(long delay) {
        this.delayMillis = delay;
    }

    public void setLossRate(double rate) {
        this.lossRate = rate;
    }

    /** Splits the nodes into groups that cannot reach each other; {@link #heal()} joins them again. */
    @SafeVarargs
    public final void partition(Set<String>... groups) {
        this.partitions = List.of(groups);
    }

    public void heal() {
        this.partitions = List.of();
    }

    public boolean canReach(String from, String to) {
        List<Set<String>> groups = partitions;
        if (groups.isEmpty()) {
            return true;
        }
        return groups.stream().anyMatch(g -> g.contains(from) && g.contains(to));
    }

    public void broadcastBlock(String from, Block block) {
        send(from, peer -> peer.receiveBlock(block, from));
    }

    public void broadcastTransaction(String from, Transaction tx) {
        send(from, peer -> peer.receiveTransaction(tx, from));
    }

    /** Asks one peer for a block, as a node does for an orphan's parent; empty if unreachable. */
    public Optional<Block> fetch(String from, String peerName, Hash hash) {
        Peer peer = peers.get(peerName);
        if (peer == null || !canReach(from, peerName)) {
            return Optional.empty();
        }
        return peer.blockByHash(hash);
    }

    /** Asks one peer for the tip of its main chain, as a node does to catch up; empty if unreachable. */
    public Optional<Block> tipOf(String from, String peerName) {
        Peer peer = peers.get(peerName);
        if (peer == null || !canReach(from, peerName)) {
            return Optional.empty();
        }
        return peer.tipBlock();
    }

    public Collection<String> peerNames() {
        return new HashSet<>(peers.keySet());
    }

    private void send(String from, Consumer<Peer> message) {
        for (Peer peer : peers.values()) {
            if (peer.name().equals(from) || !canReach(from, peer.name())) {
                continue;
            }
            boolean lost;
            synchronized (random) {
                lost = lossRate > 0 && random.nextDouble() < lossRate;
            }
            ScheduledExecutorService queue = delivery.get(peer.name());
            if (!lost && !closed && queue != null) {
                try {
                    queue.schedule(() -> deliver(peer, message), delayMillis, TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
                    // the network is closing: the message is dropped, as on a real network
                }
            }
        }
    }

    private static void deliver(Peer peer, Consumer<Peer> message) {
        try {
            message.accept(peer);
        } catch (RuntimeException | StackOverflowError e) {
            System.getLogger(InMemoryNetwork.class.getName()).log(System.Logger.Level.WARNING,
                    "delivery to " + peer.name() + " failed: " + e);
        }
    }

    @Override
    public void close() {
        closed = true;
        delivery.values().forEach(ScheduledExecutorService::shutdownNow);
    }
}
