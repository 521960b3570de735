package org.careledger.analytics.internal;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The blocks the read model applied, with their hashes (a reorganisation is found by them) and what
 * the ledger's charts draw of each: time, difficulty, transactions and the mempool. Written in the same
 * transaction as the facts (by {@link FactStore}).
 */
@Repository
public class BlockRows {

    private final JdbcClient jdbc;

    BlockRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps the blocks (a height applied again replaces its row); the highest height, or -1 for none. */
    long apply(List<BlockRow> blocks) {
        long height = -1;
        for (BlockRow b : blocks) {
            jdbc.sql("DELETE FROM analytics_blocks WHERE height = :h").param("h", b.height()).update();
            jdbc.sql("""
                    INSERT INTO analytics_blocks (height, block_hash, block_time, difficulty, transactions, mempool)
                    VALUES (:h, :hash, :time, :difficulty, :txs, :mempool)""")
                    .param("h", b.height()).param("hash", b.hash()).param("time", Timestamp.from(b.time()))
                    .param("difficulty", b.difficulty()).param("txs", b.transactions()).param("mempool", b.mempool()).update();
            height = Math.max(height, b.height());
        }
        return height;
    }

    void rollBackFrom(long height) {
        jdbc.sql("DELETE FROM analytics_blocks WHERE height >= :h").param("h", height).update();
    }

    void clear() {
        jdbc.sql("DELETE FROM analytics_blocks").update();
    }

    /** The hash of the block applied at {@code height}, if any. */
    public Optional<String> hashAt(long height) {
        return jdbc.sql("SELECT block_hash FROM analytics_blocks WHERE height = :h").param("h", height).query(String.class).optional();
    }

    /** The newest {@code count} blocks applied, oldest first. */
    public List<BlockRow> recent(int count) {
        List<BlockRow> rows = new ArrayList<>(jdbc.sql("""
                SELECT height, block_hash, block_time, difficulty, transactions, mempool FROM analytics_blocks
                ORDER BY height DESC LIMIT :n""").param("n", count)
                .query((rs, i) -> new BlockRow(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getLong(4), rs.getInt(5),
                        (Integer) rs.getObject(6))).list());
        Collections.reverse(rows);
        return rows;
    }
}
