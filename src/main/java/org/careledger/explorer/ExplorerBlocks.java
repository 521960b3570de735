package org.careledger.explorer;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

import jakarta.annotation.PreDestroy;

import org.careledger.node.BlockMined;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the explorer's open pages that a block joined the main chain, so they refresh by server push.
 * The node announces blocks on its own thread under its block lock; listeners are run on a thread of
 * this class, so a page taking its UI's lock never holds up the chain.
 */
@Component
public class ExplorerBlocks {

    private static final Logger log = LoggerFactory.getLogger(ExplorerBlocks.class);

    private final Set<Consumer<BlockMined>> listeners = ConcurrentHashMap.newKeySet();
    private final ExecutorService teller = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "careledger-explorer-push");
        t.setDaemon(true);
        return t;
    });

    /** Subscribes; run the returned action to unsubscribe (a page does on detach). */
    public Runnable subscribe(Consumer<BlockMined> onBlock) {
        listeners.add(onBlock);
        return () -> listeners.remove(onBlock);
    }

    @EventListener
    void on(BlockMined block) {
        try {
            teller.execute(() -> listeners.forEach(listener -> {
                try {
                    listener.accept(block);
                } catch (RuntimeException e) {
                    log.warn("An explorer page could not be told of block {}: {}", block.height(), e.toString());
                }
            }));
        } catch (RejectedExecutionException e) {
            // shutting down
        }
    }

    @PreDestroy
    void stop() {
        teller.shutdownNow();
    }
}
