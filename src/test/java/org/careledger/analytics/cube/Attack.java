package org.careledger.analytics.cube;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * An attacker who sees every shown cell of a cube and knows how its sums are made (a quarter is its
 * months, all providers each provider, a total its parts) and solves the linear equations for the
 * hidden cells: the hidden cells whose value those equations fix, whatever the others are. Written
 * apart from {@link Suppression}, from the cube's definition, so it checks rather than repeats it.
 */
final class Attack {

    private Attack() {
    }

    static Set<CellRef> recoverable(Map<CellRef, Counts> cube, Set<CellRef> hidden) {
        List<CellRef> unknowns = new ArrayList<>(new TreeSet<>(hidden));
        Map<CellRef, Integer> column = new HashMap<>();
        for (int i = 0; i < unknowns.size(); i++) {
            column.put(unknowns.get(i), i);
        }
        // every sum relation of the cube: parent = sum of its parts, in each dimension
        Map<String, List<CellRef>> parts = new HashMap<>();
        Map<String, CellRef> sums = new HashMap<>();
        for (CellRef c : cube.keySet()) {
            List<CellRef> parents = new ArrayList<>();
            if (c.bucket().parent() != null) {
                parents.add(c.withBucket(c.bucket().parent()));
            }
            if (!c.scope().equals(CellRef.ANY)) {
                parents.add(c.withScope(CellRef.ANY));
            }
            for (int p = 0; p < c.key().size(); p++) {
                if (!c.key().get(p).equals(CellRef.ANY)) {
                    parents.add(c.withPart(p, CellRef.ANY));
                }
            }
            for (int d = 0; d < parents.size(); d++) {
                CellRef parent = parents.get(d);
                if (!cube.containsKey(parent)) {
                    continue;
                }
                String group = dimension(c, parent) + "/" + parent;
                sums.put(group, parent);
                parts.computeIfAbsent(group, k -> new ArrayList<>()).add(c);
            }
        }
        List<double[]> rows = new ArrayList<>();
        for (Map.Entry<String, CellRef> g : sums.entrySet()) {
            double[] row = new double[unknowns.size()];
            boolean any = false;
            Integer at = column.get(g.getValue());
            if (at != null) {
                row[at] += 1;
                any = true;
            }
            for (CellRef part : parts.get(g.getKey())) {
                Integer p = column.get(part);
                if (p != null) {
                    row[p] -= 1;
                    any = true;
                }
            }
            if (any) {
                rows.add(row);
            }
        }
        List<double[]> basis = reduce(rows, unknowns.size());
        Set<CellRef> solved = new TreeSet<>();
        for (int j = 0; j < unknowns.size(); j++) {
            double[] v = new double[unknowns.size()];
            v[j] = 1;
            for (double[] b : basis) {
                int pivot = pivotOf(b);
                double f = v[pivot];
                if (f != 0) {
                    for (int k = 0; k < v.length; k++) {
                        v[k] -= f * b[k];
                    }
                }
            }
            if (isZero(v)) {
                solved.add(unknowns.get(j));
            }
        }
        return solved;
    }

    private static String dimension(CellRef c, CellRef parent) {
        if (!c.bucket().equals(parent.bucket())) {
            return "time";
        }
        if (!c.scope().equals(parent.scope())) {
            return "scope";
        }
        for (int p = 0; p < c.key().size(); p++) {
            if (!c.key().get(p).equals(parent.key().get(p))) {
                return "key" + p;
            }
        }
        throw new IllegalStateException();
    }

    /** Reduced row echelon form (rows normalised so each pivot is 1 and alone in its column). */
    private static List<double[]> reduce(List<double[]> rows, int width) {
        List<double[]> basis = new ArrayList<>();
        List<double[]> left = new ArrayList<>(rows);
        for (int col = 0; col < width; col++) {
            double[] pivotRow = null;
            for (double[] r : left) {
                if (Math.abs(r[col]) > 1e-9) {
                    pivotRow = r;
                    break;
                }
            }
            if (pivotRow == null) {
                continue;
            }
            left.remove(pivotRow);
            double p = pivotRow[col];
            for (int k = 0; k < width; k++) {
                pivotRow[k] /= p;
            }
            for (double[] r : left) {
                eliminate(r, pivotRow, col);
            }
            for (double[] b : basis) {
                eliminate(b, pivotRow, col);
            }
            basis.add(pivotRow);
        }
        return basis;
    }

    private static void eliminate(double[] r, double[] pivotRow, int col) {
        double f = r[col];
        if (Math.abs(f) > 1e-12) {
            for (int k = 0; k < r.length; k++) {
                r[k] -= f * pivotRow[k];
            }
        }
    }

    private static int pivotOf(double[] row) {
        for (int k = 0; k < row.length; k++) {
            if (Math.abs(row[k]) > 1e-9) {
                return k;
            }
        }
        throw new IllegalStateException("an empty row in the basis");
    }

    private static boolean isZero(double[] v) {
        for (double x : v) {
            if (Math.abs(x) > 1e-6) {
                return false;
            }
        }
        return true;
    }
}
