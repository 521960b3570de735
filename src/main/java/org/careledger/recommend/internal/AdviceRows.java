package org.careledger.recommend.internal;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code recommend_advice}: each set of suggestions shown, and the choice made from it. */
@Repository
public class AdviceRows {

    private final JdbcClient jdbc;

    AdviceRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void shown(String id, Instant at, String modelVersion, String conditionCode, List<String> suggested) {
        jdbc.sql("""
                INSERT INTO recommend_advice (id, created_at, model_version, condition_code, suggested)
                VALUES (:id, :at, :model, :condition, :suggested)""")
                .param("id", id).param("at", java.sql.Timestamp.from(at)).param("model", modelVersion)
                .param("condition", conditionCode).param("suggested", String.join(",", suggested)).update();
    }

    /** Records the medicine chosen from advice {@code id}, once: a second choice from the same form is not counted again. */
    public boolean chosen(String id, String rxnorm, Instant at) {
        List<String> suggested = jdbc.sql("SELECT suggested FROM recommend_advice WHERE id = :id AND chosen IS NULL").param("id", id)
                .query(String.class).list();
        if (suggested.isEmpty()) {
            return false;
        }
        boolean accepted = List.of(suggested.get(0).split(",")).contains(rxnorm);
        return jdbc.sql("UPDATE recommend_advice SET chosen = :rx, accepted = :accepted, chosen_at = :at WHERE id = :id AND chosen IS NULL")
                .param("rx", rxnorm).param("accepted", accepted).param("at", java.sql.Timestamp.from(at)).param("id", id).update() == 1;
    }

    /** How the suggestions were used: shown, followed by a prescription, and of those, one of the suggestions taken. */
    public Usage usage() {
        return jdbc.sql("""
                SELECT COUNT(*) AS shown, COUNT(chosen) AS chosen, COALESCE(SUM(CASE WHEN accepted THEN 1 ELSE 0 END), 0) AS accepted
                FROM recommend_advice""")
                .query((rs, n) -> new Usage(rs.getLong("shown"), rs.getLong("chosen"), rs.getLong("accepted"))).single();
    }

    /** @param shown how often suggestions were shown; chosen how often a prescription followed; accepted how often it was one of them */
    public record Usage(long shown, long chosen, long accepted) {
    }
}
