package org.careledger.analytics.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.careledger.analytics.cube.CellRef;
import org.careledger.analytics.cube.Counts;
import org.careledger.analytics.cube.Suppression;
import org.springframework.stereotype.Component;

/**
 * The figures' cubes with their suppression, computed from the aggregates (never from records) when a
 * figure is first asked for and again after the read model changed; a page is served from the last
 * snapshot. The synthetic history is read once, on first use, never at start.
 */
@Component
public class CubeCache {

    /** A cell counting fewer distinct patients than this is suppressed. */
    public static final int THRESHOLD = 5;

    private final LiveCells live;
    private final PatientCensus census;
    private final Map<String, CubeSnapshot> snapshots = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private final Set<String> refreshing = ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.ExecutorService worker = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "careledger-analytics-cubes");
        t.setDaemon(true);
        return t;
    });
    private volatile HistoryCells history;

    CubeCache(LiveCells live, PatientCensus census) {
        this.live = live;
        this.census = census;
    }

    /** The read model's version (moves with every change applied). */
    public long liveVersion() {
        return live.version();
    }

    public HistoryCells history() {
        HistoryCells h = history;
        if (h == null) {
            synchronized (this) {
                if (history == null) {
                    history = HistoryCells.bundled();
                }
                h = history;
            }
        }
        return h;
    }

    /**
     * The figure's last snapshot. The first one is computed now; after the read model moved, the last one
     * is served while a newer one is computed in the background (one at a time), so a page view never
     * waits for suppression to run again.
     */
    public CubeSnapshot snapshot(String figure) {
        CubeSnapshot s = snapshots.get(figure);
        if (s == null) {
            return refresh(figure);
        }
        if (s.liveVersion() != live.version() && refreshing.add(figure)) {
            try {
                worker.execute(() -> {
                    try {
                        refresh(figure);
                    } finally {
                        refreshing.remove(figure);
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                refreshing.remove(figure);
            }
        }
        return s;
    }

    /** Computes the figure's snapshot now from the history and the read model as they are. */
    public CubeSnapshot refresh(String figure) {
        synchronized (locks.computeIfAbsent(figure, k -> new Object())) {
            long version = live.version();
            CubeSnapshot s = snapshots.get(figure);
            if (s != null && s.liveVersion() == version) {
                return s;
            }
            Map<CellRef, Counts> cells;
            if (figure.equals(PatientCensus.FIGURE)) {
                cells = census.cells(history());
            } else {
                cells = new HashMap<>(history().cells(figure));
                live.cells(figure).forEach((cell, counts) -> cells.merge(cell, counts, Counts::plusDisjoint));
            }
            Set<CellRef> hidden = Suppression.suppressed(cells, THRESHOLD);
            CubeSnapshot fresh = new CubeSnapshot(figure, Map.copyOf(cells), Set.copyOf(hidden), version);
            snapshots.put(figure, fresh);
            return fresh;
        }
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
