package org.careledger.wallet.internal;

import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Table {@code wallet_movements} and its progress row {@code wallet_progress}. */
@Repository
public class MovementRows {

    private final JdbcClient jdbc;

    MovementRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes the rows of one block and moves the progress to its height if that is further, in one transaction. */
    @Transactional
    public void apply(List<MovementRow> rows, long height) {
        for (MovementRow row : rows) {
            int updated = jdbc.sql("""
                    UPDATE wallet_movements SET counterpart = :counterpart, call_name = :callName, amount = :amount, fee = :fee,
                           height = :height, block_time = :blockTime WHERE tx_id = :txId AND account = :account""")
                    .params(params(row)).update();
            if (updated == 0) {
                jdbc.sql("""
                        INSERT INTO wallet_movements (tx_id, account, counterpart, call_name, amount, fee, height, block_time)
                        VALUES (:txId, :account, :counterpart, :callName, :amount, :fee, :height, :blockTime)""")
                        .params(params(row)).update();
            }
        }
        jdbc.sql("UPDATE wallet_progress SET applied_height = :height WHERE id = 1 AND applied_height < :height")
                .param("height", height).update();
    }

    private static Map<String, Object> params(MovementRow row) {
        Map<String, Object> p = new HashMap<>();
        p.put("txId", row.txId());
        p.put("account", row.account());
        p.put("counterpart", row.counterpart());
        p.put("callName", row.callName());
        p.put("amount", row.amount());
        p.put("fee", row.fee());
        p.put("height", row.height());
        p.put("blockTime", row.blockTime() == null ? null : Timestamp.from(row.blockTime()));
        return p;
    }

    /** The last block height whose transactions are all applied. */
    @Transactional(readOnly = true)
    public long appliedHeight() {
        return jdbc.sql("SELECT applied_height FROM wallet_progress WHERE id = 1").query(Long.class).single();
    }

    /** The account's movements, newest first, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<MovementRow> of(String account, int limit) {
        return jdbc.sql("""
                SELECT tx_id, account, counterpart, call_name, amount, fee, height, block_time FROM wallet_movements
                 WHERE account = :account ORDER BY height DESC, tx_id DESC FETCH FIRST :limit ROWS ONLY""")
                .param("account", account).param("limit", limit)
                .query((rs, n) -> new MovementRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                        rs.getLong(6), rs.getLong(7), rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant()))
                .list();
    }
}
