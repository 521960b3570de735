package org.careledger.analytics.cube;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which hidden cells the cube's sums pin down. Each group says its sum equals its parts and the shown
 * cells are known, so the hidden cells {@code h} satisfy {@code A h = b} with {@code A} the groups'
 * coefficients over the hidden cells. A hidden cell is given away exactly when every solution of
 * {@code A v = 0} is zero there (its unit vector is then in the row space of {@code A}); it is safe when
 * some null vector moves it, since adding that vector to the true counts changes the cell and no shown
 * number.
 *
 * <p>Computed incrementally, because suppression hides cells one round after another: each newly hidden
 * cell adds a column to {@code A}, which is reduced against the columns already there (column
 * elimination, arithmetic modulo the prime 2^31 - 1). A column that reduces to zero yields a new null
 * vector, the combination of hidden cells that made it; null vectors found earlier stay null vectors
 * when more cells are hidden, so a cell once safe stays safe and no work is repeated. The null vectors
 * found this way are a basis of the null space, so the cells they touch are exactly the safe ones. The
 * whole audit costs about one elimination of the final matrix, however many rounds suppression takes.
 */
final class LinearAudit {

    private static final long P = 2_147_483_647L; // 2^31 - 1

    /** Each cell's column: the groups it is in, +1 where it is the sum and -1 where it is a part. */
    private final int[][] columnRows;
    private final long[][] columnValues;
    /** The reduced columns, by their first row (their pivot), each scaled to 1 there. */
    private final Map<Integer, Column> basis = new HashMap<>();
    private final BitSet added = new BitSet();
    private final BitSet safe = new BitSet();

    LinearAudit(int cells, List<Suppression.Group> groups) {
        List<List<long[]>> entries = new ArrayList<>(cells);
        for (int i = 0; i < cells; i++) {
            entries.add(new ArrayList<>(4));
        }
        for (int g = 0; g < groups.size(); g++) {
            Suppression.Group group = groups.get(g);
            entries.get(group.sum).add(new long[] {g, 1});
            for (int part : group.parts) {
                entries.get(part).add(new long[] {g, P - 1});
            }
        }
        columnRows = new int[cells][];
        columnValues = new long[cells][];
        for (int i = 0; i < cells; i++) {
            List<long[]> e = entries.get(i);
            e.sort((a, b) -> Long.compare(a[0], b[0]));
            columnRows[i] = e.stream().mapToInt(x -> (int) x[0]).toArray();
            columnValues[i] = e.stream().mapToLong(x -> x[1]).toArray();
        }
    }

    /** The hidden cells the shown ones give away, in order; cells hidden since the last call are taken in first. */
    List<Integer> solvable(BitSet hidden) {
        BitSet fresh = (BitSet) hidden.clone();
        fresh.andNot(added);
        fresh.stream().forEach(this::add);
        List<Integer> out = new ArrayList<>();
        BitSet given = (BitSet) hidden.clone();
        given.andNot(safe);
        given.stream().forEach(out::add);
        return out;
    }

    /** Adds the cell's column; when it depends on the columns already there, the null vector found marks its cells safe. */
    private void add(int cell) {
        added.set(cell);
        Column u = new Column(columnRows[cell].clone(), columnValues[cell].clone(), new int[] {cell}, new long[] {1});
        while (u.rows.length > 0) {
            Column b = basis.get(u.rows[0]);
            if (b == null) {
                u.scale(inverse(u.values[0]));
                basis.put(u.rows[0], u);
                return;
            }
            u.subtract(u.values[0], b);
        }
        for (int c : u.cells) {
            safe.set(c);
        }
    }

    /** A column over the groups, and the combination of cells' columns it is (so a zero column is a null vector). */
    private static final class Column {
        int[] rows;
        long[] values;
        int[] cells;
        long[] weights;

        Column(int[] rows, long[] values, int[] cells, long[] weights) {
            this.rows = rows;
            this.values = values;
            this.cells = cells;
            this.weights = weights;
        }

        void scale(long f) {
            for (int i = 0; i < values.length; i++) {
                values[i] = values[i] * f % P;
            }
            for (int i = 0; i < weights.length; i++) {
                weights[i] = weights[i] * f % P;
            }
        }

        /** this -= f * other, on both the rows and the combination. */
        void subtract(long f, Column other) {
            long[][] v = new long[1][];
            rows = minus(rows, values, f, other.rows, other.values, v);
            values = v[0];
            cells = minus(cells, weights, f, other.cells, other.weights, v);
            weights = v[0];
        }
    }

    /** The sparse vector (ai, av) - f * (bi, bv); its indices are returned and its values put in {@code out[0]}. */
    private static int[] minus(int[] ai, long[] av, long f, int[] bi, long[] bv, long[][] out) {
        int[] c = new int[ai.length + bi.length];
        long[] v = new long[c.length];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < ai.length || j < bi.length) {
            int col;
            long val;
            if (j >= bi.length || i < ai.length && ai[i] < bi[j]) {
                col = ai[i];
                val = av[i++];
            } else if (i >= ai.length || bi[j] < ai[i]) {
                col = bi[j];
                val = mod(-(f * bv[j++] % P));
            } else {
                col = ai[i];
                val = mod(av[i++] - f * bv[j++] % P);
            }
            if (val != 0) {
                c[n] = col;
                v[n++] = val;
            }
        }
        out[0] = Arrays.copyOf(v, n);
        return Arrays.copyOf(c, n);
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
}
