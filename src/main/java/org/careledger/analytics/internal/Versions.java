package org.careledger.analytics.internal;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How often the read model changed, in all and per figure, so a snapshot knows whether it is still
 * current. Every counter only grows; a clear moves every figure at once.
 */
final class Versions {

    private final AtomicLong all = new AtomicLong();
    private final Map<String, AtomicLong> perFigure = new ConcurrentHashMap<>();
    private final AtomicLong clears = new AtomicLong();

    long all() {
        return all.get();
    }

    long of(String figure) {
        AtomicLong changes = perFigure.get(figure);
        return clears.get() + (changes == null ? 0 : changes.get()); // both only grow, so the sum moves with either
    }

    void changed(Collection<String> figures) {
        for (String f : new HashSet<>(figures)) {
            perFigure.computeIfAbsent(f, k -> new AtomicLong()).incrementAndGet();
        }
        all.incrementAndGet();
    }

    void cleared() {
        clears.incrementAndGet();
        all.incrementAndGet();
    }
}
