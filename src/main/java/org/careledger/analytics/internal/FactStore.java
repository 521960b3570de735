package org.careledger.analytics.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.careledger.analytics.cube.Bucket;
import org.careledger.analytics.cube.CellRef;
import org.careledger.analytics.cube.Counts;
import org.careledger.analytics.cube.Level;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tables {@code analytics_facts}, {@code analytics_cells}, {@code analytics_cell_patients} and
 * {@code analytics_progress}. A block's facts and the progress move together in one transaction, and a
 * fact already applied (the same transaction and figure) is not counted again, so a restart catches up
 * from the progress without loss or double counting. Cells are updated by the facts' deltas, never
 * recounted from all facts, except the few a reorganisation takes facts back from. Writers are
 * serialised in this process (the feed is the only one in the portal; a benchmark or a test may write
 * beside it), so two writers never deadlock on the same cells.
 */
@Repository
public class FactStore implements LiveCells {

    private final JdbcClient jdbc;
    private final Versions versions = new Versions();

    private final TokenFlows tokenFlows;
    private final Expiries expiries;
    private final BlockRows blocks;

    FactStore(JdbcClient jdbc, TokenFlows tokenFlows, Expiries expiries, BlockRows blocks) {
        this.jdbc = jdbc;
        this.tokenFlows = tokenFlows;
        this.expiries = expiries;
        this.blocks = blocks;
    }

    public long appliedHeight() {
        return jdbc.sql("SELECT applied_height FROM analytics_progress WHERE id = 1").query(Long.class).single();
    }

    @Override
    public long version() {
        return versions.all();
    }

    @Override
    public long version(String figure) {
        return versions.of(figure);
    }

    /**
     * Applies the facts of {@code blocks} (in order; facts applied before are not counted again), keeps
     * the blocks, and moves the progress to the last of them, in one transaction.
     */
    @Transactional
    public synchronized void apply(List<Fact> facts, List<BlockRow> blocks) {
        apply(facts, List.of(), List.of(), List.of(), blocks);
    }

    /**
     * As {@link #apply(List, List)}, with the blocks' token moves, the prescriptions they issued (to count
     * when they expire) and those whose expiry they passed (their "expired" facts are among {@code facts}),
     * all in one transaction.
     */
    @Transactional
    public synchronized void apply(List<Fact> facts, List<TokenFlows.TokenMove> moves, List<Expiries.Expiry> issued, List<String> passed,
                                   List<BlockRow> blocks) {
        tokenFlows.apply(moves);
        expiries.register(issued);
        if (!passed.isEmpty()) {
            expiries.passed(passed, blocks.stream().mapToLong(BlockRow::height).max().orElseThrow());
        }
        long height = this.blocks.apply(blocks);
        // per figure: the same cell (key, bucket, scope) of two figures is two cells
        Map<FigureCell, Long> events = new LinkedHashMap<>();
        Map<FigureCell, Map<String, Long>> byPatient = new LinkedHashMap<>();
        for (Fact f : facts) {
            int inserted = jdbc.sql("""
                    INSERT INTO analytics_facts (tx_id, figure, key_parts, fact_day, scope, patient_ref, height)
                    SELECT :tx, :figure, :key, :day, :scope, :patient, :height FROM analytics_progress
                    WHERE id = 1 AND NOT EXISTS (SELECT 1 FROM analytics_facts WHERE tx_id = :tx AND figure = :figure)""")
                    .param("tx", f.txId()).param("figure", f.figure()).param("key", String.join("|", f.key()))
                    .param("day", Date.valueOf(f.day())).param("scope", f.scope()).param("patient", f.patientRef())
                    .param("height", f.height()).update();
            if (inserted == 0) {
                continue;
            }
            for (CellRef c : f.cells()) {
                FigureCell fc = new FigureCell(f.figure(), c);
                events.merge(fc, 1L, Long::sum);
                byPatient.computeIfAbsent(fc, k -> new HashMap<>()).merge(f.patientRef(), 1L, Long::sum);
            }
        }
        for (Map.Entry<FigureCell, Long> e : events.entrySet()) {
            FigureCell fc = e.getKey();
            long patients = addEvents(fc.figure(), fc.cell(), e.getValue());
            for (Map.Entry<String, Long> p : byPatient.get(fc).entrySet()) {
                patients = addPatient(fc.figure(), fc.cell(), p.getKey(), p.getValue(), patients);
            }
        }
        jdbc.sql("UPDATE analytics_progress SET applied_height = :height WHERE id = 1 AND applied_height < :height")
                .param("height", height).update();
        versions.changed(events.keySet().stream().map(FigureCell::figure).toList());
    }

    /**
     * Takes back every fact of the blocks from {@code height} up (a reorganisation replaced them; the
     * feed applies the new blocks next) and sets the progress below it. The cells they counted in are
     * recounted from the facts left.
     */
    @Transactional
    public synchronized void rollBackFrom(long height) {
        List<Fact> gone = jdbc.sql("SELECT tx_id, figure, key_parts, fact_day, scope, patient_ref, height FROM analytics_facts WHERE height >= :h")
                .param("h", height).query((rs, i) -> new Fact(rs.getString(1), rs.getString(2), List.of(rs.getString(3).split("\\|")),
                        rs.getDate(4).toLocalDate(), rs.getString(5), rs.getString(6), rs.getLong(7))).list();
        jdbc.sql("DELETE FROM analytics_facts WHERE height >= :h").param("h", height).update();
        tokenFlows.rollBackFrom(height);
        expiries.rollBackFrom(height);
        blocks.rollBackFrom(height);
        java.util.Set<FigureCell> touched = new java.util.LinkedHashSet<>();
        for (Fact f : gone) {
            for (CellRef c : f.cells()) {
                touched.add(new FigureCell(f.figure(), c));
            }
        }
        touched.forEach(fc -> recount(fc.cell(), fc.figure()));
        jdbc.sql("UPDATE analytics_progress SET applied_height = :h WHERE id = 1 AND applied_height >= :h").param("h", height - 1).update();
        versions.changed(touched.stream().map(FigureCell::figure).toList());
    }

    /** Empties the read model (a rebuild from the chain follows). */
    @Transactional
    public synchronized void clear() {
        jdbc.sql("DELETE FROM analytics_cell_patients").update();
        jdbc.sql("DELETE FROM analytics_cells").update();
        jdbc.sql("DELETE FROM analytics_facts").update();
        tokenFlows.clear();
        expiries.clear();
        blocks.clear();
        jdbc.sql("UPDATE analytics_progress SET applied_height = 0 WHERE id = 1").update();
        versions.cleared();
    }

    @Override
    public Map<CellRef, Counts> cells(String figure) {
        return cells(figure, null);
    }

    @Override
    public Map<CellRef, Counts> cells(String figure, String scope) {
        Map<CellRef, Counts> out = new HashMap<>();
        jdbc.sql("SELECT key_parts, cell_level, bucket_start, scope, events, patients FROM analytics_cells WHERE figure = :f AND events > 0"
                        + (scope == null ? "" : " AND scope = :s"))
                .param("f", figure).params(scope == null ? Map.of() : Map.of("s", scope)).query(rs -> {
                    out.put(new CellRef(List.of(rs.getString(1).split("\\|")),
                                    new Bucket(Level.valueOf(rs.getString(2)), rs.getDate(3).toLocalDate()), rs.getString(4)),
                            new Counts(rs.getLong(5), Math.min(rs.getLong(5), rs.getLong(6))));
                });
        return out;
    }

    /** Every fact kept, for a rebuild's comparison. */
    public List<Fact> facts() {
        return jdbc.sql("SELECT tx_id, figure, key_parts, fact_day, scope, patient_ref, height FROM analytics_facts ORDER BY height, tx_id, figure")
                .query((rs, i) -> new Fact(rs.getString(1), rs.getString(2), List.of(rs.getString(3).split("\\|")),
                        rs.getDate(4).toLocalDate(), rs.getString(5), rs.getString(6), rs.getLong(7))).list();
    }

    /** A cell of one figure. */
    private record FigureCell(String figure, CellRef cell) {
    }

    private long addEvents(String figure, CellRef c, long n) {
        Map<String, Object> key = cellParams(figure, c);
        int updated = jdbc.sql("""
                UPDATE analytics_cells SET events = events + :n
                WHERE figure = :figure AND key_parts = :key AND cell_level = :level AND bucket_start = :start AND scope = :scope""")
                .params(key).param("n", n).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO analytics_cells (figure, key_parts, cell_level, bucket_start, scope, events, patients)
                    VALUES (:figure, :key, :level, :start, :scope, :n, 0)""").params(key).param("n", n).update();
            return 0;
        }
        return jdbc.sql("""
                SELECT patients FROM analytics_cells
                WHERE figure = :figure AND key_parts = :key AND cell_level = :level AND bucket_start = :start AND scope = :scope""")
                .params(key).query(Long.class).single();
    }

    /** Counts the patient in the cell while it has fewer than the threshold; the cell's patients after. */
    private long addPatient(String figure, CellRef c, String patient, long facts, long patients) {
        if (patients >= CubeCache.THRESHOLD) {
            return patients; // shown whoever this is: a take-back recounts such a cell from the facts
        }
        Map<String, Object> key = cellParams(figure, c);
        int updated = jdbc.sql("""
                UPDATE analytics_cell_patients SET facts = facts + :n
                WHERE figure = :figure AND key_parts = :key AND cell_level = :level AND bucket_start = :start AND scope = :scope
                  AND patient_ref = :patient""").params(key).param("n", facts).param("patient", patient).update();
        if (updated > 0) {
            return patients;
        }
        jdbc.sql("""
                INSERT INTO analytics_cell_patients (figure, key_parts, cell_level, bucket_start, scope, patient_ref, facts)
                VALUES (:figure, :key, :level, :start, :scope, :patient, :n)""").params(key).param("n", facts).param("patient", patient)
                .update();
        jdbc.sql("""
                UPDATE analytics_cells SET patients = patients + 1
                WHERE figure = :figure AND key_parts = :key AND cell_level = :level AND bucket_start = :start AND scope = :scope""")
                .params(key).update();
        return patients + 1;
    }

    /** Recounts one cell from the facts kept (after a reorganisation took some back). */
    private void recount(CellRef c, String figure) {
        LocalDate from = c.bucket().start();
        LocalDate to = c.bucket().end() == null ? LocalDate.of(9999, 1, 1) : c.bucket().end();
        List<Fact> in = jdbc.sql("""
                SELECT tx_id, figure, key_parts, fact_day, scope, patient_ref, height FROM analytics_facts
                WHERE figure = :f AND fact_day >= :from AND fact_day < :to""")
                .param("f", figure).param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query((rs, i) -> new Fact(rs.getString(1), rs.getString(2), List.of(rs.getString(3).split("\\|")),
                        rs.getDate(4).toLocalDate(), rs.getString(5), rs.getString(6), rs.getLong(7))).list();
        long events = 0;
        Map<String, Long> patients = new LinkedHashMap<>();
        for (Fact f : in) {
            if (matches(c, f)) {
                events++;
                patients.merge(f.patientRef(), 1L, Long::sum);
            }
        }
        Map<String, Object> key = cellParams(figure, c);
        jdbc.sql("""
                DELETE FROM analytics_cell_patients
                WHERE figure = :figure AND key_parts = :key AND cell_level = :level AND bucket_start = :start AND scope = :scope""")
                .params(key).update();
        jdbc.sql("""
                DELETE FROM analytics_cells
                WHERE figure = :figure AND key_parts = :key AND cell_level = :level AND bucket_start = :start AND scope = :scope""")
                .params(key).update();
        if (events == 0) {
            return;
        }
        long counted = 0;
        for (Map.Entry<String, Long> p : patients.entrySet()) {
            if (counted == CubeCache.THRESHOLD) {
                break;
            }
            jdbc.sql("""
                    INSERT INTO analytics_cell_patients (figure, key_parts, cell_level, bucket_start, scope, patient_ref, facts)
                    VALUES (:figure, :key, :level, :start, :scope, :patient, :n)""").params(key).param("patient", p.getKey())
                    .param("n", p.getValue()).update();
            counted++;
        }
        jdbc.sql("""
                INSERT INTO analytics_cells (figure, key_parts, cell_level, bucket_start, scope, events, patients)
                VALUES (:figure, :key, :level, :start, :scope, :events, :patients)""").params(key).param("events", events)
                .param("patients", counted).update();
    }

    /** Whether the fact counts in the cell (its day is in the bucket, checked by the caller). */
    static boolean matches(CellRef c, Fact f) {
        if (!c.scope().equals(CellRef.ANY) && !c.scope().equals(f.scope())) {
            return false;
        }
        for (int i = 0; i < c.key().size(); i++) {
            if (!c.key().get(i).equals(CellRef.ANY) && !c.key().get(i).equals(f.key().get(i))) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, Object> cellParams(String figure, CellRef c) {
        Map<String, Object> p = new HashMap<>();
        p.put("figure", figure);
        p.put("key", String.join("|", c.key()));
        p.put("level", c.bucket().level().name());
        p.put("start", Date.valueOf(c.bucket().start()));
        p.put("scope", c.scope());
        return p;
    }

    /** The figures that have cells. */
    public List<String> figures() {
        return jdbc.sql("SELECT DISTINCT figure FROM analytics_cells ORDER BY figure").query(String.class).list();
    }
}
