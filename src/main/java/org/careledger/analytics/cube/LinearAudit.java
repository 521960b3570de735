package org.careledger.analytics.cube;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which hidden cells the cube's sums pin down: each group says its sum equals its parts, the shown
 * cells are known, and a hidden cell is given away when the equations leave it one value whatever the
 * other hidden cells are (its unit vector lies in the row space of the equations over the hidden
 * cells). Solved exactly, in arithmetic modulo a large prime, one connected set of hidden cells at a
 * time (cells joined by a shared equation), so a cube of thousands of cells stays cheap.
 */
final class LinearAudit {

    private static final long P = 2_147_483_647L; // 2^31 - 1

    private LinearAudit() {
    }

    static List<Integer> solvable(BitSet hidden, Collection<Suppression.Group> groups) {
        // equations over hidden cells only: +1 for the sum, -1 for each part
        List<int[]> equations = new ArrayList<>();
        int[] parent = new int[hidden.length()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        for (Suppression.Group g : groups) {
            List<Integer> members = new ArrayList<>();
            if (hidden.get(g.sum)) {
                members.add(g.sum);
            }
            for (int part : g.parts) {
                if (hidden.get(part)) {
                    members.add(-part - 1); // negative: a part
                }
            }
            if (members.isEmpty()) {
                continue;
            }
            int[] eq = members.stream().mapToInt(Integer::intValue).toArray();
            equations.add(eq);
            int first = cell(eq[0]);
            for (int m : eq) {
                union(parent, first, cell(m));
            }
        }
        Map<Integer, List<int[]>> byComponent = new HashMap<>();
        for (int[] eq : equations) {
            byComponent.computeIfAbsent(find(parent, cell(eq[0])), k -> new ArrayList<>()).add(eq);
        }
        List<Integer> out = new ArrayList<>();
        for (List<int[]> component : byComponent.values()) {
            out.addAll(solvableIn(component));
        }
        out.sort(null);
        return out;
    }

    /** Gauss-Jordan elimination on sparse rows, each step pivoting on the sparsest row (fill-in stays small). */
    private static List<Integer> solvableIn(List<int[]> equations) {
        List<Row> rows = new ArrayList<>();
        Map<Integer, java.util.Set<Row>> rowsWith = new HashMap<>();
        for (int[] eq : equations) {
            java.util.TreeMap<Integer, Long> entries = new java.util.TreeMap<>();
            for (int m : eq) {
                entries.merge(cell(m), m >= 0 ? 1L : P - 1, (a, b) -> (a + b) % P);
            }
            entries.values().removeIf(v -> v == 0);
            Row row = new Row(entries);
            rows.add(row);
            for (int c : row.cols) {
                rowsWith.computeIfAbsent(c, k -> new java.util.HashSet<>()).add(row);
            }
        }
        java.util.Set<Row> active = new java.util.LinkedHashSet<>(rows);
        List<Row> pivotRows = new ArrayList<>();
        while (!active.isEmpty()) {
            // the sparsest row, or the first of two entries or fewer: no row does much better, and scanning
            // every row at every step made a cube with thousands of hidden cells take minutes
            Row r = null;
            for (Row candidate : active) {
                if (r == null || candidate.cols.length < r.cols.length) {
                    r = candidate;
                    if (r.cols.length <= 2) {
                        break;
                    }
                }
            }
            active.remove(r);
            if (r.cols.length == 0) {
                continue;
            }
            int col = r.cols[0];
            for (int c : r.cols) {
                if (rowsWith.get(c).size() < rowsWith.get(col).size()) {
                    col = c;
                }
            }
            r.scale(inverse(r.get(col)));
            r.pivot = col;
            for (Row other : new ArrayList<>(rowsWith.get(col))) {
                if (other == r) {
                    continue;
                }
                for (int c : other.cols) {
                    rowsWith.get(c).remove(other);
                }
                other.subtract(other.get(col), r);
                for (int c : other.cols) {
                    rowsWith.computeIfAbsent(c, k -> new java.util.HashSet<>()).add(other);
                }
            }
            pivotRows.add(r);
        }
        List<Integer> out = new ArrayList<>();
        for (Row r : pivotRows) {
            if (r.cols.length == 1) {
                out.add(r.pivot);
            }
        }
        return out;
    }

    /** A sparse row modulo P: its columns in order and their values. */
    private static final class Row {
        int[] cols;
        long[] vals;
        int pivot = -1;

        Row(java.util.TreeMap<Integer, Long> entries) {
            cols = entries.keySet().stream().mapToInt(Integer::intValue).toArray();
            vals = entries.values().stream().mapToLong(Long::longValue).toArray();
        }

        long get(int col) {
            int at = java.util.Arrays.binarySearch(cols, col);
            return at < 0 ? 0 : vals[at];
        }

        void scale(long f) {
            for (int i = 0; i < vals.length; i++) {
                vals[i] = vals[i] * f % P;
            }
        }

        /** this -= f * other */
        void subtract(long f, Row other) {
            int[] c = new int[cols.length + other.cols.length];
            long[] v = new long[c.length];
            int i = 0;
            int j = 0;
            int n = 0;
            while (i < cols.length || j < other.cols.length) {
                int col;
                long val;
                if (j >= other.cols.length || i < cols.length && cols[i] < other.cols[j]) {
                    col = cols[i];
                    val = vals[i++];
                } else if (i >= cols.length || other.cols[j] < cols[i]) {
                    col = other.cols[j];
                    val = mod(-f * other.vals[j++] % P);
                } else {
                    col = cols[i];
                    val = mod(vals[i++] - f * other.vals[j++] % P);
                }
                if (val != 0) {
                    c[n] = col;
                    v[n++] = val;
                }
            }
            cols = java.util.Arrays.copyOf(c, n);
            vals = java.util.Arrays.copyOf(v, n);
        }
    }

    private static int cell(int member) {
        return member >= 0 ? member : -member - 1;
    }

    private static long mod(long v) {
        long m = v % P;
        return m < 0 ? m + P : m;
    }

    private static long inverse(long a) {
        long result = 1;
        long base = a;
        long e = P - 2;
        while (e > 0) {
            if ((e & 1) == 1) {
                result = result * base % P;
            }
            base = base * base % P;
            e >>= 1;
        }
        return result;
    }

    private static int find(int[] parent, int x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }
}
