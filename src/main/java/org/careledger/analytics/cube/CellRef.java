package org.careledger.analytics.cube;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where a count sits in a figure's cube: its key (one part per dimension of the figure, e.g. a
 * prescription's state and its medicine; {@link #ANY} for the total over a part), its calendar bucket
 * and its scope (a provider, or {@link #ANY} for all of them). A cell with {@link #ANY} somewhere is
 * the sum of the cells below it in that dimension; {@link Suppression} keeps those sums from revealing
 * a suppressed cell.
 */
public record CellRef(List<String> key, Bucket bucket, String scope) implements Comparable<CellRef> {

    /** The total over a key part, or over every scope. */
    public static final String ANY = "*";

    public CellRef {
        key = List.copyOf(key);
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(scope, "scope");
    }

    public static CellRef of(Bucket bucket, String scope, String... key) {
        return new CellRef(List.of(key), bucket, scope);
    }

    /** The same cell with key part {@code i} replaced. */
    public CellRef withPart(int i, String value) {
        List<String> parts = new ArrayList<>(key);
        parts.set(i, value);
        return new CellRef(parts, bucket, scope);
    }

    public CellRef withBucket(Bucket other) {
        return new CellRef(key, other, scope);
    }

    public CellRef withScope(String other) {
        return new CellRef(key, bucket, other);
    }

    /**
     * Every cell a fact at {@code day} with this (fully specific) key and scope counts in: each calendar level's
     * bucket, each combination of its key parts and {@link #ANY} — except the first part, which is what
     * the figure is about (a condition, a state, an outcome) and is never totalled: no chart shows a total
     * over it, and a total nobody sees would still have to be protected as if it were shown — its own scope
     * and, when {@code withAllScopes}, all scopes.
     */
    public static List<CellRef> countedIn(List<String> key, java.time.LocalDate day, String scope, boolean withAllScopes) {
        List<List<String>> keys = new ArrayList<>();
        keys.add(new ArrayList<>());
        for (int i = 0; i < key.size(); i++) {
            String part = key.get(i);
            List<List<String>> grown = new ArrayList<>();
            for (List<String> k : keys) {
                List<String> exact = new ArrayList<>(k);
                exact.add(part);
                grown.add(exact);
                if (i > 0) {
                    List<String> any = new ArrayList<>(k);
                    any.add(ANY);
                    grown.add(any);
                }
            }
            keys = grown;
        }
        List<String> scopes = withAllScopes && !scope.equals(ANY) ? List.of(scope, ANY) : List.of(scope);
        List<CellRef> out = new ArrayList<>();
        for (Level level : Level.CALENDAR) {
            Bucket bucket = Bucket.of(level, day);
            for (List<String> k : keys) {
                for (String s : scopes) {
                    out.add(new CellRef(k, bucket, s));
                }
            }
        }
        return out;
    }

    @Override
    public int compareTo(CellRef o) {
        int c = bucket.compareTo(o.bucket);
        if (c != 0) {
            return c;
        }
        c = scope.compareTo(o.scope);
        if (c != 0) {
            return c;
        }
        for (int i = 0; i < Math.min(key.size(), o.key.size()); i++) {
            c = key.get(i).compareTo(o.key.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(key.size(), o.key.size());
    }

    @Override
    public String toString() {
        return String.join("|", key) + "@" + bucket.label() + "/" + scope;
    }
}
