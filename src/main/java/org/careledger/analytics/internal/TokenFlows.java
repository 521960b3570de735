package org.careledger.analytics.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The ledger's token flows per day and kind, kept beside the clinical facts and written in the same
 * transaction as them (by {@link FactStore}): each move once per transaction and kind, the day's sums
 * updated by its delta, and taken back by height when a reorganisation replaces its block. A new kind
 * of flow is one more value of {@link TokenMove#flow()}, derived in {@link TokenMoveSources#of}.
 */
@Repository
public class TokenFlows {

    /** The kinds of token flow the ledger's figures draw, in their legend's order. */
    public static final List<String> FLOWS = List.of("fees", "transfers", "pharmacy", "appointments");

    /** Tokens moved by one transaction, of one kind, on the block's day; amounts in base units. */
    public record TokenMove(String txId, String flow, LocalDate day, long amount, long height) {
    }

    /** A day's total of one kind. */
    public record DayTotal(LocalDate day, String flow, long moves, long amount) {
    }

    private final JdbcClient jdbc;

    TokenFlows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds moves not added before; called inside {@link FactStore#apply}'s transaction. */
    void apply(List<TokenMove> moves) {
        for (TokenMove m : moves) {
            int inserted = jdbc.sql("""
                    INSERT INTO analytics_token_moves (tx_id, flow, move_day, amount, height)
                    SELECT :tx, :flow, :day, :amount, :height FROM analytics_progress
                    WHERE id = 1 AND NOT EXISTS (SELECT 1 FROM analytics_token_moves WHERE tx_id = :tx AND flow = :flow)""")
                    .param("tx", m.txId()).param("flow", m.flow()).param("day", Date.valueOf(m.day())).param("amount", m.amount())
                    .param("height", m.height()).update();
            if (inserted == 1) {
                add(m.day(), m.flow(), 1, m.amount());
            }
        }
    }

    /** Takes back the moves of the blocks from {@code height} up; inside {@link FactStore#rollBackFrom}'s transaction. */
    void rollBackFrom(long height) {
        List<TokenMove> gone = jdbc.sql("SELECT tx_id, flow, move_day, amount, height FROM analytics_token_moves WHERE height >= :h")
                .param("h", height).query((rs, i) -> new TokenMove(rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate(),
                        rs.getLong(4), rs.getLong(5))).list();
        for (TokenMove m : gone) {
            add(m.day(), m.flow(), -1, -m.amount());
        }
        jdbc.sql("DELETE FROM analytics_token_moves WHERE height >= :h").param("h", height).update();
    }

    void clear() {
        jdbc.sql("DELETE FROM analytics_token_moves").update();
        jdbc.sql("DELETE FROM analytics_token_days").update();
    }

    private void add(LocalDate day, String flow, long moves, long amount) {
        int updated = jdbc.sql("UPDATE analytics_token_days SET moves = moves + :n, amount = amount + :a WHERE move_day = :day AND flow = :flow")
                .param("n", moves).param("a", amount).param("day", Date.valueOf(day)).param("flow", flow).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO analytics_token_days (move_day, flow, moves, amount) VALUES (:day, :flow, :n, :a)")
                    .param("day", Date.valueOf(day)).param("flow", flow).param("n", moves).param("a", amount).update();
        }
    }

    /** The days' totals from {@code from} on, by day then kind. */
    public List<DayTotal> since(LocalDate from) {
        return jdbc.sql("SELECT move_day, flow, moves, amount FROM analytics_token_days WHERE move_day >= :from AND moves > 0 ORDER BY move_day, flow")
                .param("from", Date.valueOf(from))
                .query((rs, i) -> new DayTotal(rs.getDate(1).toLocalDate(), rs.getString(2), rs.getLong(3), rs.getLong(4))).list();
    }

    /** Every move, by kind: what a rebuild compares. */
    public Map<String, List<TokenMove>> moves() {
        Map<String, List<TokenMove>> out = new LinkedHashMap<>();
        jdbc.sql("SELECT tx_id, flow, move_day, amount, height FROM analytics_token_moves ORDER BY height, tx_id, flow")
                .query((rs, i) -> new TokenMove(rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getLong(4), rs.getLong(5)))
                .list().forEach(m -> out.computeIfAbsent(m.flow(), k -> new ArrayList<>()).add(m));
        return out;
    }
}
