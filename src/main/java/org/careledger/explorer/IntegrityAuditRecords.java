package org.careledger.explorer;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The integrity audits kept in {@code integrity_audits} and {@code integrity_audit_nodes}: an audit
 * and its nodes are written in one transaction when it ends, so the console shows the last one after
 * a restart and nothing half-written after a crash.
 */
@Component
class IntegrityAuditRecords {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    IntegrityAuditRecords(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** Keeps a finished audit; its times to the microsecond, as the table holds them. */
    AuditReport save(Instant started, Instant finished, String startedBy, AuditReport.Outcome outcome, String detail,
                     List<AuditedNode> nodes) {
        Instant startedAt = started.truncatedTo(ChronoUnit.MICROS);
        Instant finishedAt = finished.truncatedTo(ChronoUnit.MICROS);
        long id = transactions.execute(status -> {
            KeyHolder key = new GeneratedKeyHolder();
            jdbc.sql("INSERT INTO integrity_audits (started_at, finished_at, started_by, outcome, detail) VALUES (?, ?, ?, ?, ?)")
                    .params(utc(startedAt), utc(finishedAt), startedBy, outcome.name(), cut(detail, 500))
                    .update(key, "id");
            long auditId = key.getKey().longValue();
            for (int i = 0; i < nodes.size(); i++) {
                AuditedNode n = nodes.get(i);
                jdbc.sql("INSERT INTO integrity_audit_nodes (audit_id, position, node, valid, height, transactions, bad_height, rule,"
                                + " explanation, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                        .params(auditId, i, n.node(), n.valid(), n.height(), n.transactions(), n.valid() ? null : n.badHeight(),
                                n.rule(), cut(n.explanation(), 1000), cut(n.note(), 1000))
                        .update();
            }
            return auditId;
        });
        return new AuditReport(id, startedAt, finishedAt, startedBy, outcome, detail, nodes);
    }

    /** The audit that ended last. */
    Optional<AuditReport> last() {
        return jdbc.sql("SELECT * FROM integrity_audits ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")
                .query((row, n) -> new AuditReport(row.getLong("id"), instant(row.getObject("started_at", OffsetDateTime.class)),
                        instant(row.getObject("finished_at", OffsetDateTime.class)), row.getString("started_by"),
                        AuditReport.Outcome.valueOf(row.getString("outcome")), row.getString("detail"), List.of()))
                .optional()
                .map(audit -> new AuditReport(audit.id(), audit.startedAt(), audit.finishedAt(), audit.startedBy(), audit.outcome(),
                        audit.detail(), nodesOf(audit.id())));
    }

    private List<AuditedNode> nodesOf(long auditId) {
        return jdbc.sql("SELECT * FROM integrity_audit_nodes WHERE audit_id = ? ORDER BY position").param(auditId)
                .query((row, n) -> {
                    long bad = row.getLong("bad_height");
                    boolean none = row.wasNull();
                    return new AuditedNode(row.getString("node"), row.getBoolean("valid"), row.getLong("height"),
                            row.getLong("transactions"), none ? -1 : bad, row.getString("rule"), row.getString("explanation"),
                            row.getString("note"));
                }).list();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime at) {
        return at.toInstant();
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
