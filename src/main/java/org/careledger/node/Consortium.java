package org.careledger.node;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import org.careledger.contracts.Contracts;
import org.careledger.ledger.Genesis;
import org.careledger.ledger.InMemoryNetwork;
import org.careledger.ledger.Node;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consortium in this process: one node per sealer of the install's {@link ConsortiumSetup}
 * (the dev consortium's three hospitals in a demo), each with its own key, block store under
 * {@code <data dir>/nodes/<name>/blocks}, chain and state, joined by the in-memory network. The
 * first is the portal's home node. Opening the stores and replaying them is
 * the ledger's heavy start-up work, so it runs on a thread of its own once the portal is up;
 * until then, callers wait a little, then get a {@link LedgerUnavailableException}.
 */
class Consortium implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Consortium.class);
    private static final long READY_WAIT_SECONDS = 60;

    private final Path dataDir;
    private final LedgerSettings settings;
    private final java.util.function.Supplier<ConsortiumSetup> setupSource;
    private volatile ConsortiumSetup setup;
    private final InMemoryNetwork network;
    private final List<Node> nodes = new CopyOnWriteArrayList<>();
    private final List<Consumer<Node>> onReady = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Node> ready = new CompletableFuture<>();
    private Thread starter;

    Consortium(Path dataDir, LedgerSettings settings, ConsortiumSetup setup) {
        this(dataDir, settings, () -> setup);
    }

    /**
     * A consortium whose setup (the genesis, the nodes' and the treasury's keys: a dev chain's are
     * derived from its mnemonic, an install's unwrapped or made) is made at its first use, not as the
     * portal's beans are created: the start checks it once the web server listens.
     */
    Consortium(Path dataDir, LedgerSettings settings, java.util.function.Supplier<ConsortiumSetup> setup) {
        this.dataDir = dataDir;
        this.settings = settings;
        this.setupSource = setup;
        this.network = new InMemoryNetwork(System.nanoTime());
        network.setDelayMillis(settings.networkDelayMillis());
    }

    /**
     * Runs {@code action} with the home node once the nodes are open, before anyone else may use
     * them; at once if they already are.
     */
    void onReady(Consumer<Node> action) {
        Node home = null;
        synchronized (onReady) {
            if (ready.isDone() && !ready.isCompletedExceptionally()) {
                home = ready.join();
            } else {
                onReady.add(action);
            }
        }
        if (home != null) {
            action.accept(home);
        }
    }

    /** Opens, replays and starts the nodes on a background thread. */
    synchronized void startInBackground() {
        if (starter != null) {
            return;
        }
        starter = new Thread(this::openAll, "careledger-ledger-start");
        starter.setDaemon(true);
        starter.start();
    }

    private void openAll() {
        try {
            long started = System.nanoTime();
            List<Node> opened = new ArrayList<>();
            for (ConsortiumSetup.NodeKey nodeKey : setup().nodes()) {
                Node node = new Node(nodeKey.name(), nodeKey.key(), genesis(), Contracts.standard(),
                        dataDir, network, System::currentTimeMillis, settings.effectiveMinerThreads());
                node.refusal().ifPresent(r -> log.error("Ledger node {} refuses to build on its store: {}", node.name(), r));
                if (node.truncatedBytesAtOpen() > 0) {
                    log.warn("Ledger node {}: cut a torn tail of {} bytes left by a crash", node.name(), node.truncatedBytesAtOpen());
                }
                opened.add(node);
            }
            nodes.addAll(opened);
            Node home = opened.get(0);
            synchronized (onReady) {
                onReady.forEach(action -> action.accept(home));
                opened.forEach(Node::start);
                ready.complete(home);
            }
            log.info("Ledger: {} nodes at height {}, tip {}, ready in {} ms", opened.size(), home.chain().height(),
                    home.chain().tip().hash().shortHex(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        } catch (RuntimeException | Error e) {
            log.error("The ledger could not start: {}", e.toString(), e);
            ready.completeExceptionally(e);
        }
    }

    /** The home node, waiting up to a minute for the ledger to finish starting. */
    Node home() {
        try {
            return ready.get(READY_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new LedgerUnavailableException("The ledger is still starting; try again in a moment");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LedgerUnavailableException("Interrupted while waiting for the ledger to start");
        } catch (ExecutionException e) {
            throw new LedgerUnavailableException("The ledger could not start: " + e.getCause().getMessage());
        }
    }

    boolean isReady() {
        return ready.isDone() && !ready.isCompletedExceptionally();
    }

    List<Node> nodes() {
        return List.copyOf(nodes);
    }

    Genesis genesis() {
        return setup().genesis();
    }

    Path dataDir() {
        return dataDir;
    }

    ConsortiumSetup setup() {
        ConsortiumSetup made = setup;
        if (made == null) {
            synchronized (setupSource) {
                made = setup;
                if (made == null) {
                    made = setupSource.get();
                    setup = made;
                }
            }
        }
        return made;
    }

    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            t = starter;
        }
        if (t != null) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(READY_WAIT_SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        nodes.forEach(Node::close);
        network.close();
    }
}
