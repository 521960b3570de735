package org.careledger.analytics;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tells open analytics pages that the read model applied new blocks (with the height it reached), or
 * that newer figures are ready, so they redraw by server push. Called on the analytics feed's own thread, never the ledger's.
 */
@Component
public class AnalyticsUpdates {

    private static final Logger log = LoggerFactory.getLogger(AnalyticsUpdates.class);

    private final Set<LongConsumer> listeners = ConcurrentHashMap.newKeySet();

    /** Subscribes; run the returned action to unsubscribe (a page does on detach). */
    public Runnable subscribe(LongConsumer onApplied) {
        listeners.add(onApplied);
        return () -> listeners.remove(onApplied);
    }

    private final Set<Runnable> figureListeners = ConcurrentHashMap.newKeySet();

    /** Subscribes to newer clinical figures being ready; run the returned action to unsubscribe. */
    public Runnable subscribeToFigures(Runnable onReady) {
        figureListeners.add(onReady);
        return () -> figureListeners.remove(onReady);
    }

    /** Newer figures are ready (computed in the background after a change or a first look): pages redraw their clinical charts. */
    public void figuresReady() {
        for (Runnable l : figureListeners) {
            try {
                l.run();
            } catch (RuntimeException e) {
                log.debug("An analytics page could not be told of newer figures: {}", e.toString());
            }
        }
    }

    /** The read model reached {@code height}. */
    public void applied(long height) {
        for (LongConsumer l : listeners) {
            try {
                l.accept(height);
            } catch (RuntimeException e) {
                log.debug("An analytics page could not be told of height {}: {}", height, e.toString());
            }
        }
    }
}
