package org.careledger.explorer;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;

import org.careledger.node.BlockMined;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the consortium pages open on admins' screens that the nodes changed: at once when the home
 * node commits a block ({@link BlockMined}) or an admin pauses or resumes a node, and every
 * {@value #TICK_SECONDS} s while a page is open, for what changes between blocks (a pool filling, a
 * hash rate, a node catching up). A page subscribes when attached and unsubscribes when detached; a
 * listener runs on this class's thread and should only ask its page to refresh
 * ({@code ui.access}). Nothing runs while no page is open.
 */
@Component
public class ConsortiumChanges {

    static final long TICK_SECONDS = 2;
    private static final Logger log = LoggerFactory.getLogger(ConsortiumChanges.class);

    private final Set<Runnable> listeners = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "careledger-consortium-console");
        t.setDaemon(true);
        return t;
    });
    private final java.util.concurrent.atomic.AtomicBoolean toldSoon = new java.util.concurrent.atomic.AtomicBoolean();
    private ScheduledFuture<?> ticking;

    /** Subscribes; run the returned action to unsubscribe. */
    public Runnable subscribe(Runnable onChange) {
        listeners.add(onChange);
        synchronized (this) {
            if (ticking == null) {
                ticking = ticker.scheduleWithFixedDelay(this::tell, TICK_SECONDS, TICK_SECONDS, TimeUnit.SECONDS);
            }
        }
        return () -> {
            listeners.remove(onChange);
            synchronized (this) {
                if (listeners.isEmpty() && ticking != null) {
                    ticking.cancel(false);
                    ticking = null;
                }
            }
        };
    }

    @EventListener
    void on(BlockMined mined) {
        soon();
    }

    /** A node's sealing was paused or resumed. */
    void nodesChanged() {
        soon();
    }

    /**
     * Tells the pages on this class's own thread, never the caller's: the ledger's thread holds its
     * block lock, a page's thread its session's lock, and a refresh takes other locks. Changes that
     * arrive while a telling waits to run are told once.
     */
    private void soon() {
        if (!listeners.isEmpty() && toldSoon.compareAndSet(false, true)) {
            try {
                ticker.execute(() -> {
                    toldSoon.set(false);
                    tell();
                });
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                toldSoon.set(false);
            }
        }
    }

    private void tell() {
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                log.warn("A consortium page could not be told of a change: {}", e.toString());
            }
        }
    }

    @PreDestroy
    void stop() {
        ticker.shutdownNow();
    }
}
