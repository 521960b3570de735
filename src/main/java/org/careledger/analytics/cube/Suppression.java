package org.careledger.analytics.cube;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Small-number suppression with complementary suppression over a whole cube of one figure.
 *
 * <p><b>Primary</b>: a cell counting 1 to {@code threshold - 1} distinct patients is suppressed (a zero
 * is shown: it is nobody). <b>Complementary</b>: a cube holds sums — a quarter is its three months, a
 * year its four quarters, the whole history its years, "all providers" each provider, a key part's
 * total ({@link CellRef#ANY}) the cells below it — and a sum shown beside all but one of its parts
 * gives that part away by subtraction. So in every such group (a sum and its parts) either nothing is
 * suppressed, or at least two parts are; and a suppressed sum has at least one suppressed part. Where a
 * group breaks that rule the smallest part still shown is suppressed too (ties broken by the cell's
 * order, so the result depends only on the counts), or the sum itself when no part is left; this runs
 * until no group breaks the rule. The pattern is computed once for the whole cube, not per query, so
 * two views of the same figure (a month and its quarter, one provider and all of them) agree on what
 * is hidden, and no difference of two shown numbers is a suppressed one.
 *
 * <p>Since a sum counts at least the patients of each of its parts, a primary-suppressed sum has only
 * primary-suppressed parts. What this does not stop: bounds (two suppressed parts of a sum of 7, one of
 * them later shown elsewhere as at least 5, bound the other to 2 or fewer), and differences over time
 * (the same view before and after one new fact); these are the limits of cell suppression, named in
 * the README.
 */
public final class Suppression {

    private Suppression() {
    }

    /** The cells of {@code cube} to show as "&lt; threshold"; cells not in the cube are zero. */
    public static Set<CellRef> suppressed(Map<CellRef, Counts> cube, int threshold) {
        List<CellRef> cells = new ArrayList<>(new TreeSet<>(cube.keySet()));
        Map<CellRef, Integer> index = new HashMap<>(cells.size() * 2);
        for (int i = 0; i < cells.size(); i++) {
            index.put(cells.get(i), i);
        }
        long[] events = new long[cells.size()];
        for (int i = 0; i < cells.size(); i++) {
            events[i] = cube.get(cells.get(i)).events();
        }
        // a key part is totalled in this cube when some cell has its total (a figure's first part never is)
        java.util.Set<Integer> totalled = new java.util.HashSet<>();
        for (CellRef c : cells) {
            for (int p = 0; p < c.key().size(); p++) {
                if (c.key().get(p).equals(CellRef.ANY)) {
                    totalled.add(p);
                }
            }
        }
        // the groups: a sum (the parent) and its parts, one group per dimension the sum is a total in
        Map<String, Group> groups = new HashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            CellRef c = cells.get(i);
            if (events[i] == 0) {
                continue;
            }
            Bucket up = c.bucket().parent();
            if (up != null) {
                join(groups, "t", c.withBucket(up), i, index);
            }
            if (!c.scope().equals(CellRef.ANY) && cube.containsKey(c.withScope(CellRef.ANY))) {
                join(groups, "s", c.withScope(CellRef.ANY), i, index);
            }
            for (int p = 0; p < c.key().size(); p++) {
                if (!c.key().get(p).equals(CellRef.ANY) && totalled.contains(p)) {
                    join(groups, "k" + p, c.withPart(p, CellRef.ANY), i, index);
                }
            }
        }
        List<List<Group>> asPart = new ArrayList<>(cells.size());
        List<List<Group>> asSum = new ArrayList<>(cells.size());
        for (int i = 0; i < cells.size(); i++) {
            asPart.add(new ArrayList<>(2));
            asSum.add(new ArrayList<>(2));
        }
        for (Group g : groups.values()) {
            g.parts.sort((a, b) -> events[a] != events[b] ? Long.compare(events[a], events[b]) : Integer.compare(a, b));
            asSum.get(g.sum).add(g);
            for (int part : g.parts) {
                asPart.get(part).add(g);
            }
        }

        BitSet hidden = new BitSet(cells.size());
        for (int i = 0; i < cells.size(); i++) {
            long patients = cube.get(cells.get(i)).patients();
            if (patients > 0 && patients < threshold) {
                hidden.set(i);
            }
        }
        Deque<Group> work = new ArrayDeque<>(groups.values());
        LinearAudit audit = new LinearAudit(cells.size(), new ArrayList<>(groups.values()));
        while (true) {
            twoInEveryGroup(work, hidden, asPart, asSum);
            // the rule above is exact along one dimension; across several (a month of one provider is in its
            // quarter and in all providers' month) sums can still be combined to solve for a cell: find those
            List<Integer> solvable = audit.solvable(hidden);
            if (solvable.isEmpty()) {
                break;
            }
            boolean grew = false;
            for (int x : solvable) {
                int next = smallestShownBeside(x, hidden, events, asPart, asSum);
                if (next >= 0) {
                    hidden.set(next);
                    work.addAll(asPart.get(next));
                    work.addAll(asSum.get(next));
                    grew = true;
                }
            }
            if (!grew) {
                // every cell beside them is hidden already: the smallest shown cell next to the hidden cells they are joined to
                for (int x : solvable) {
                    int next = smallestShownAround(x, hidden, events, asPart, asSum);
                    if (next >= 0 && !hidden.get(next)) {
                        hidden.set(next);
                        work.addAll(asPart.get(next));
                        work.addAll(asSum.get(next));
                        grew = true;
                    }
                }
            }
            if (!grew) {
                // the cube's sums do not hold (its cells were counted wrongly): say so rather than show what cannot be protected
                throw new IllegalStateException("suppression cannot protect " + solvable.size() + " cells of this cube, e.g. "
                        + cells.get(solvable.get(0)) + ": its sums do not add up");
            }
        }
        Set<CellRef> out = new TreeSet<>();
        hidden.stream().forEach(i -> out.add(cells.get(i)));
        return out;
    }

    /** Hides the smallest shown part of each group whose sum is shown beside one hidden part, or that hides only its sum. */
    private static void twoInEveryGroup(Deque<Group> work, BitSet hidden, List<List<Group>> asPart, List<List<Group>> asSum) {
        while (!work.isEmpty()) {
            Group g = work.poll();
            int hiddenParts = 0;
            for (int part : g.parts) {
                hiddenParts += hidden.get(part) ? 1 : 0;
            }
            boolean sumHidden = hidden.get(g.sum);
            if (!(sumHidden ? hiddenParts == 0 : hiddenParts == 1)) {
                continue;
            }
            int next = -1;
            for (int part : g.parts) { // smallest first
                if (!hidden.get(part)) {
                    next = part;
                    break;
                }
            }
            if (next < 0) {
                next = g.sum; // one part and nothing else to hide beside it: hide the sum
            }
            hidden.set(next);
            work.addAll(asPart.get(next));
            work.addAll(asSum.get(next));
        }
    }

    /** The smallest shown cell in a group with any hidden cell joined to {@code x} through groups, or -1. */
    private static int smallestShownAround(int x, BitSet hidden, long[] events, List<List<Group>> asPart, List<List<Group>> asSum) {
        BitSet seen = new BitSet();
        Deque<Integer> todo = new ArrayDeque<>(List.of(x));
        seen.set(x);
        int best = -1;
        while (!todo.isEmpty()) {
            int at = todo.poll();
            List<Group> around = new ArrayList<>(asPart.get(at));
            around.addAll(asSum.get(at));
            for (Group g : around) {
                List<Integer> members = new ArrayList<>(g.parts);
                members.add(g.sum);
                for (int m : members) {
                    if (hidden.get(m)) {
                        if (!seen.get(m)) {
                            seen.set(m);
                            todo.add(m);
                        }
                    } else if (events[m] > 0 && (best < 0 || events[m] < events[best] || events[m] == events[best] && m < best)) {
                        best = m;
                    }
                }
            }
        }
        return best;
    }

    /** The smallest shown cell in a group with {@code x} (a part or the sum), or -1. */
    private static int smallestShownBeside(int x, BitSet hidden, long[] events, List<List<Group>> asPart, List<List<Group>> asSum) {
        int best = -1;
        List<Group> around = new ArrayList<>(asPart.get(x));
        around.addAll(asSum.get(x));
        for (Group g : around) {
            List<Integer> members = new ArrayList<>(g.parts);
            members.add(g.sum);
            for (int m : members) {
                if (!hidden.get(m) && events[m] > 0
                        && (best < 0 || events[m] < events[best] || events[m] == events[best] && m < best)) {
                    best = m;
                }
            }
        }
        return best;
    }

    private static void join(Map<String, Group> groups, String dimension, CellRef sum, int part, Map<CellRef, Integer> index) {
        Integer at = index.get(sum);
        if (at == null) {
            throw new IllegalArgumentException("the cube has a part of " + sum + " but not that sum");
        }
        groups.computeIfAbsent(dimension + "/" + at, k -> new Group(at)).parts.add(part);
    }

    static final class Group {
        final int sum;
        final List<Integer> parts = new ArrayList<>();

        Group(int sum) {
            this.sum = sum;
        }
    }
}
