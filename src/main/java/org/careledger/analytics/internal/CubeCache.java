package org.careledger.analytics.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.careledger.analytics.AnalyticsUpdates;
import org.careledger.analytics.cube.CellRef;
import org.careledger.analytics.cube.Counts;
import org.careledger.analytics.cube.Suppression;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The figures' cubes with their suppression, computed from the aggregates (never from records), on
 * this cache's own thread, never on a page view's: a page is served the last snapshot, or told the
 * figure is being prepared, and is pushed a redraw ({@link AnalyticsUpdates#figuresReady()}) when a
 * newer one is ready. A snapshot is computed when a figure is first asked for and again after the
 * figure's cells changed, while someone has looked at it in the last {@link #KEEP} (then it is
 * dropped, and computed again on the next look). The synthetic history is read once, on first use,
 * never at start.
 */
@Component
public class CubeCache {

    /** A cell counting fewer distinct patients than this is suppressed. */
    public static final int THRESHOLD = 5;
    /** How long a snapshot nobody looked at is kept fresh. */
    static final Duration KEEP = Duration.ofMinutes(15);

    private static final Logger log = LoggerFactory.getLogger(CubeCache.class);

    /** A figure, or a figure in one scope only (a doctor's own). */
    private record Key(String figure, String scope) {
    }

    private final LiveCells live;
    private final PatientCensus census;
    private final AnalyticsUpdates updates;
    private final Clock clock;
    private final Map<Key, CubeSnapshot> snapshots = new ConcurrentHashMap<>();
    private final Map<Key, Instant> lastAsked = new ConcurrentHashMap<>();
    private final Set<Key> queued = ConcurrentHashMap.newKeySet();
    private final AtomicLong published = new AtomicLong();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "careledger-analytics-cubes");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });
    private volatile HistoryCells history;

    CubeCache(LiveCells live, PatientCensus census, AnalyticsUpdates updates, Clock clock) {
        this.live = live;
        this.census = census;
        this.updates = updates;
        this.clock = clock;
    }

    /** Moves each time a newer snapshot of any figure is ready (a page redraws then). */
    public long publishedVersion() {
        return published.get();
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

    /** The figure's last snapshot (its cells in every scope), if one is ready; asking queues a fresher one when it is due. */
    public Optional<CubeSnapshot> snapshot(String figure) {
        return snapshot(new Key(figure, null));
    }

    /** The last snapshot of the figure's cells in one scope, for a figure whose scopes are not summed (a doctor's own). */
    public Optional<CubeSnapshot> snapshot(String figure, String scope) {
        if (Fact.summedOverScopes(figure)) {
            throw new IllegalArgumentException(figure + " is summed over scopes: its scopes cannot be suppressed apart");
        }
        return snapshot(new Key(figure, scope));
    }

    private Optional<CubeSnapshot> snapshot(Key key) {
        lastAsked.put(key, clock.instant());
        CubeSnapshot s = snapshots.get(key);
        if (s == null || s.liveVersion() != versionOf(key)) {
            queue(key);
        }
        return Optional.ofNullable(s);
    }

    /** The read model changed: refreshes, in the background, the snapshots looked at lately; forgets the others. */
    public void liveChanged() {
        Instant stale = clock.instant().minus(KEEP);
        for (Key key : Set.copyOf(snapshots.keySet())) {
            Instant asked = lastAsked.get(key);
            if (asked == null || asked.isBefore(stale)) {
                snapshots.remove(key);
                lastAsked.remove(key);
            } else if (snapshots.get(key).liveVersion() != versionOf(key)) {
                queue(key);
            }
        }
    }

    private void queue(Key key) {
        if (!queued.add(key)) {
            return;
        }
        try {
            worker.execute(() -> {
                queued.remove(key);
                try {
                    CubeSnapshot before = snapshots.get(key);
                    CubeSnapshot after = compute(key);
                    // pages redraw only when what they would show changed (a change to other cells of the read model
                    // moves the version, not the numbers)
                    if (before == null || !before.cells().equals(after.cells()) || !before.hidden().equals(after.hidden())) {
                        published.incrementAndGet();
                        updates.figuresReady();
                    }
                } catch (RuntimeException | Error e) {
                    log.warn("The analytics figure {} could not be prepared: {}", key.figure(), e.toString(), e);
                    if (e instanceof Error error) {
                        throw error;
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            queued.remove(key); // shutting down
        }
    }

    /** The census counts the portal's patients, not facts: it follows every change of the read model. */
    private long versionOf(Key key) {
        return key.figure().equals(PatientCensus.FIGURE) ? live.version() : live.version(key.figure());
    }

    /** Computes the figure's snapshot now, on the caller's thread (a benchmark or a test), and keeps it. */
    public CubeSnapshot refresh(String figure) {
        return compute(new Key(figure, null));
    }

    private CubeSnapshot compute(Key key) {
        synchronized (snapshots) {
            long version = versionOf(key);
            CubeSnapshot s = snapshots.get(key);
            if (s != null && s.liveVersion() == version) {
                return s;
            }
            Map<CellRef, Counts> cells;
            if (key.figure().equals(PatientCensus.FIGURE)) {
                cells = census.cells(history());
            } else if (key.scope() != null) {
                cells = new HashMap<>(live.cells(key.figure(), key.scope()));
            } else {
                cells = new HashMap<>(history().cells(key.figure()));
                live.cells(key.figure()).forEach((cell, counts) -> cells.merge(cell, counts, Counts::plusDisjoint));
            }
            long started = System.nanoTime();
            Set<CellRef> hidden = Suppression.suppressed(cells, THRESHOLD);
            long millis = (System.nanoTime() - started) / 1_000_000;
            if (millis >= 1_000) {
                log.info("Analytics: suppression of {}{} took {} ms ({} cells, {} hidden)", key.figure(),
                        key.scope() == null ? "" : " in " + key.scope(), millis, cells.size(), hidden.size());
            }
            CubeSnapshot fresh = new CubeSnapshot(key.figure(), Map.copyOf(cells), Set.copyOf(hidden), version,
                    cells.keySet().stream().anyMatch(c -> c.scope().equals(HistoryCells.SCOPE)));
            snapshots.put(key, fresh);
            return fresh;
        }
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
