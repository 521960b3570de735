package org.careledger.recommend.internal;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code recommend_trainings}: each retraining, written once when it ends. */
@Repository
public class TrainingRows {

    private final JdbcClient jdbc;

    TrainingRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Run(Instant startedAt, Instant finishedAt, String startedBy, String outcome, String candidate, String previous,
                      int optedIn, int episodesAdded, String detail) {
    }

    public void add(Run r) {
        jdbc.sql("""
                INSERT INTO recommend_trainings (started_at, finished_at, started_by, outcome, candidate, previous, opted_in,
                       episodes_added, detail)
                VALUES (:started, :finished, :by, :outcome, :candidate, :previous, :optedIn, :added, :detail)""")
                .param("started", java.sql.Timestamp.from(r.startedAt())).param("finished", java.sql.Timestamp.from(r.finishedAt()))
                .param("by", r.startedBy()).param("outcome", r.outcome()).param("candidate", r.candidate()).param("previous", r.previous())
                .param("optedIn", r.optedIn()).param("added", r.episodesAdded())
                .param("detail", r.detail() == null ? null : r.detail().length() > 2000 ? r.detail().substring(0, 2000) : r.detail())
                .update();
    }

    /** The latest runs, newest first. */
    public List<Run> latest(int max) {
        return jdbc.sql("SELECT * FROM recommend_trainings ORDER BY id DESC LIMIT :max").param("max", max).query((rs, n) -> new Run(rs.getTimestamp("started_at").toInstant(),
                rs.getTimestamp("finished_at").toInstant(), rs.getString("started_by"), rs.getString("outcome"), rs.getString("candidate"),
                rs.getString("previous"), rs.getInt("opted_in"), rs.getInt("episodes_added"), rs.getString("detail"))).list();
    }
}
