package org.careledger.analytics.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import org.careledger.analytics.cube.CellRef;
import org.careledger.analytics.cube.Counts;
import org.springframework.stereotype.Component;

/**
 * Re-derives the read model from the chain and the records (emptied, then fed again from the first
 * block, as a new install would be) and reports how the live one differed: facts it had that the chain
 * does not make or missed, and cells whose counts differ. The rebuilt model is kept: it is the one the
 * chain makes.
 */
@Component
public class Rebuild {

    /** What a rebuild found: the sizes before and after, and each difference in words. */
    public record Report(int factsBefore, int factsAfter, int cellsBefore, int cellsAfter, List<String> differences) {
    }

    private final FactStore store;
    private final TokenFlows flows;
    private final AnalyticsFeed feed;
    private final org.careledger.node.LedgerService ledger;

    Rebuild(FactStore store, TokenFlows flows, AnalyticsFeed feed, org.careledger.node.LedgerService ledger) {
        this.store = store;
        this.flows = flows;
        this.feed = feed;
        this.ledger = ledger;
    }

    public Report run() {
        java.util.concurrent.CompletableFuture<Void> loaded = new java.util.concurrent.CompletableFuture<>();
        ledger.whenReady(() -> loaded.complete(null));
        try {
            loaded.get(); // the chain is read from disk first (the portal's start does this in the background)
            feed.catchUpInBackground().get(); // the live model as it stands once caught up
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the rebuild was interrupted; run it again", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the chain could not be read: " + e.getCause(), e.getCause());
        }
        List<String> differences = new ArrayList<>();
        differencesFromFacts().forEach(d -> differences.add("live cells disagree with the live facts: " + d));
        Map<String, Fact> factsBefore = facts();
        Map<String, Map<CellRef, Counts>> cellsBefore = cells();
        Map<String, TokenFlows.TokenMove> movesBefore = moves();
        try {
            feed.rebuildInBackground().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the rebuild was interrupted; run it again", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the rebuild failed: " + e.getCause(), e.getCause());
        }
        Map<String, Fact> factsAfter = facts();
        Map<String, Map<CellRef, Counts>> cellsAfter = cells();
        Map<String, TokenFlows.TokenMove> movesAfter = moves();
        Set<String> moveIds = new TreeSet<>(movesBefore.keySet());
        moveIds.addAll(movesAfter.keySet());
        for (String id : moveIds) {
            TokenFlows.TokenMove was = movesBefore.get(id);
            TokenFlows.TokenMove is = movesAfter.get(id);
            if (was == null || is == null || was.amount() != is.amount() || !was.day().equals(is.day())) {
                differences.add("token flow " + id + ": live " + (was == null ? "none" : was.amount() + " on " + was.day()) + ", rebuilt "
                        + (is == null ? "none" : is.amount() + " on " + is.day()));
            }
        }
        Set<String> ids = new TreeSet<>(factsBefore.keySet());
        ids.addAll(factsAfter.keySet());
        for (String id : ids) {
            Fact was = factsBefore.get(id);
            Fact is = factsAfter.get(id);
            if (was == null) {
                differences.add("missing from the live model: " + describe(is));
            } else if (is == null) {
                differences.add("in the live model but not made by the chain: " + describe(was));
            } else if (!(was.key().equals(is.key()) && was.day().equals(is.day()) && was.scope().equals(is.scope())
                    && was.patientRef().equals(is.patientRef()))) {
                differences.add("counted differently: live " + describe(was) + ", rebuilt " + describe(is));
            }
        }
        Set<String> figures = new TreeSet<>(cellsBefore.keySet());
        figures.addAll(cellsAfter.keySet());
        for (String figure : figures) {
            Map<CellRef, Counts> was = cellsBefore.getOrDefault(figure, Map.of());
            Map<CellRef, Counts> is = cellsAfter.getOrDefault(figure, Map.of());
            Set<CellRef> all = new TreeSet<>(was.keySet());
            all.addAll(is.keySet());
            for (CellRef c : all) {
                Counts a = was.getOrDefault(c, Counts.ZERO);
                Counts b = is.getOrDefault(c, Counts.ZERO);
                if (a.events() != b.events() || Math.min(a.patients(), CubeCache.THRESHOLD) != Math.min(b.patients(), CubeCache.THRESHOLD)) {
                    differences.add(figure + " " + c + ": live " + a.events() + " events of " + a.patients() + " patients, rebuilt "
                            + b.events() + " of " + b.patients());
                }
            }
        }
        return new Report(factsBefore.size(), factsAfter.size(), count(cellsBefore), count(cellsAfter), differences);
    }

    private Map<String, Fact> facts() {
        Map<String, Fact> out = new HashMap<>();
        for (Fact f : store.facts()) {
            out.put(f.txId() + "/" + f.figure(), f);
        }
        return out;
    }

    private Map<String, TokenFlows.TokenMove> moves() {
        Map<String, TokenFlows.TokenMove> out = new HashMap<>();
        flows.moves().values().forEach(list -> list.forEach(m -> out.put(m.flow() + " of transaction " + m.txId(), m)));
        return out;
    }

    private Map<String, Map<CellRef, Counts>> cells() {
        Map<String, Map<CellRef, Counts>> out = new HashMap<>();
        for (String figure : store.figures()) {
            out.put(figure, store.cells(figure));
        }
        return out;
    }

    private static int count(Map<String, Map<CellRef, Counts>> cells) {
        return cells.values().stream().mapToInt(Map::size).sum();
    }

    /** A fact in words: figure, key, day, scope and block; never the patient. */
    private static String describe(Fact f) {
        return f.figure() + " " + String.join("|", f.key()) + " on " + f.day() + " at " + f.scope() + " (transaction " + f.txId()
                + ", block " + f.height() + ")";
    }

    /** Cells whose stored counts differ from a recount of the facts: what a rebuild reports. */
    public List<String> differencesFromFacts() {
        Map<String, Map<CellRef, Long>> events = new HashMap<>();
        Map<String, Map<CellRef, Set<String>>> patients = new HashMap<>();
        for (Fact f : store.facts()) {
            for (CellRef c : f.cells()) {
                events.computeIfAbsent(f.figure(), k -> new HashMap<>()).merge(c, 1L, Long::sum);
                patients.computeIfAbsent(f.figure(), k -> new HashMap<>()).computeIfAbsent(c, k -> new HashSet<>()).add(f.patientRef());
            }
        }
        List<String> out = new ArrayList<>();
        Set<String> figures = new HashSet<>(events.keySet());
        figures.addAll(store.figures());
        for (String figure : figures) {
            Map<CellRef, Counts> stored = store.cells(figure);
            Map<CellRef, Long> expected = events.getOrDefault(figure, Map.of());
            Set<CellRef> all = new HashSet<>(stored.keySet());
            all.addAll(expected.keySet());
            for (CellRef c : all) {
                long e = expected.getOrDefault(c, 0L);
                long p = e == 0 ? 0 : Math.min(CubeCache.THRESHOLD, patients.get(figure).get(c).size());
                Counts s = stored.getOrDefault(c, Counts.ZERO);
                if (s.events() != e || Math.min(CubeCache.THRESHOLD, s.patients()) != p) {
                    out.add(figure + " " + c + ": stored " + s.events() + " events of " + s.patients() + " patients, the facts make "
                            + e + " of " + p);
                }
            }
        }
        out.sort(null);
        return out;
    }
}
