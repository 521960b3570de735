package org.careledger.explorer.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tables {@code explorer_receipts}, {@code explorer_effects}, {@code explorer_address_txs} and the
 * progress row {@code explorer_progress}. Every read is one index range with a limit.
 */
@Repository
public class ReceiptRows {

    private final JdbcClient jdbc;

    ReceiptRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Writes the committed receipts of one block (each replacing any earlier receipt of the same
     * transaction, which a reorganisation moved) and moves the progress to {@code height} if that is
     * further, in one transaction.
     */
    @Transactional
    public void apply(List<ReceiptRow> receipts, long height) {
        for (ReceiptRow r : receipts) {
            write(r);
        }
        jdbc.sql("UPDATE explorer_progress SET applied_height = :height WHERE id = 1 AND applied_height < :height")
                .param("height", height).update();
    }

    /** Keeps a refusal, unless the transaction is already known as committed. */
    @Transactional
    public void refused(ReceiptRow r) {
        Optional<String> status = jdbc.sql("SELECT status FROM explorer_receipts WHERE tx_id = :id").param("id", r.txId())
                .query(String.class).optional();
        if (status.isEmpty() || ReceiptRow.REFUSED.equals(status.get())) {
            write(r);
        }
    }

    private void write(ReceiptRow r) {
        jdbc.sql("DELETE FROM explorer_effects WHERE tx_id = :id").param("id", r.txId()).update();
        jdbc.sql("DELETE FROM explorer_address_txs WHERE tx_id = :id").param("id", r.txId()).update();
        jdbc.sql("DELETE FROM explorer_receipts WHERE tx_id = :id").param("id", r.txId()).update();
        jdbc.sql("""
                INSERT INTO explorer_receipts (tx_id, status, height, tx_index, block_hash, block_time, sender, nonce, contract, method,
                       fee, refusal_rule, refusal_message)
                VALUES (:txId, :status, :height, :index, :blockHash, :blockTime, :sender, :nonce, :contract, :method, :fee, :rule, :message)""")
                .params(params(r)).update();
        int seq = 0;
        for (ReceiptRow.EffectRow e : r.effects()) {
            Map<String, Object> p = new HashMap<>();
            p.put("txId", r.txId());
            p.put("seq", seq++);
            p.put("kind", e.kind());
            p.put("payer", e.payer());
            p.put("payee", e.payee());
            p.put("amount", e.amount());
            p.put("change", e.change());
            p.put("subject", e.subjectId());
            p.put("patient", e.patient());
            p.put("doctor", e.doctor());
            p.put("detail", e.detail());
            jdbc.sql("""
                    INSERT INTO explorer_effects (tx_id, seq, kind, payer, payee, amount, change_name, subject_id, patient, doctor, detail)
                    VALUES (:txId, :seq, :kind, :payer, :payee, :amount, :change, :subject, :patient, :doctor, :detail)""")
                    .params(p).update();
        }
        if (r.height() != null) {
            for (String address : r.addresses()) {
                jdbc.sql("INSERT INTO explorer_address_txs (address, tx_id, height, tx_index) VALUES (:address, :txId, :height, :index)")
                        .param("address", address).param("txId", r.txId()).param("height", r.height()).param("index", r.index())
                        .update();
            }
        }
    }

    private static Map<String, Object> params(ReceiptRow r) {
        Map<String, Object> p = new HashMap<>();
        p.put("txId", r.txId());
        p.put("status", r.status());
        p.put("height", r.height());
        p.put("index", r.index());
        p.put("blockHash", r.blockHash());
        p.put("blockTime", r.blockTime() == null ? null : Timestamp.from(r.blockTime()));
        p.put("sender", r.sender());
        p.put("nonce", r.nonce());
        p.put("contract", r.contract());
        p.put("method", r.method());
        p.put("fee", r.fee());
        p.put("rule", r.refusalRule());
        p.put("message", r.refusalMessage());
        return p;
    }

    /** The last block height whose transactions are all applied (0 if the progress row went missing). */
    @Transactional(readOnly = true)
    public long appliedHeight() {
        return jdbc.sql("SELECT applied_height FROM explorer_progress WHERE id = 1").query(Long.class).optional().orElse(0L);
    }

    /**
     * Starts the read model over when its receipts are gone (emptied by hand, or a restored database
     * without them) although the progress says otherwise, so the next catch-up rebuilds it from the
     * chain. Returns whether it did.
     */
    @Transactional
    public boolean resetIfEmptied() {
        boolean anyReceipt = jdbc.sql("SELECT 1 FROM explorer_receipts WHERE status = 'COMMITTED' FETCH FIRST 1 ROWS ONLY")
                .query(Integer.class).optional().isPresent();
        long applied = appliedHeight();
        int rows = jdbc.sql("SELECT COUNT(*) FROM explorer_progress WHERE id = 1").query(Integer.class).single();
        if (rows == 0) {
            jdbc.sql("INSERT INTO explorer_progress (id, applied_height) VALUES (1, 0)").update();
        }
        if (!anyReceipt && applied > 0) {
            jdbc.sql("DELETE FROM explorer_address_txs").update();
            jdbc.sql("DELETE FROM explorer_effects").update();
            jdbc.sql("UPDATE explorer_progress SET applied_height = 0 WHERE id = 1").update();
            return true;
        }
        return rows == 0;
    }

    /** The receipt of {@code txId} with its effects (addresses not read back). */
    @Transactional(readOnly = true)
    public Optional<ReceiptRow> find(String txId) {
        List<ReceiptRow.EffectRow> effects = jdbc.sql("""
                SELECT kind, payer, payee, amount, change_name, subject_id, patient, doctor, detail FROM explorer_effects
                 WHERE tx_id = :id ORDER BY seq""").param("id", txId)
                .query((rs, n) -> new ReceiptRow.EffectRow(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4) == null ? null : rs.getLong(4), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getString(8), rs.getString(9)))
                .list();
        return jdbc.sql("""
                SELECT tx_id, status, height, tx_index, block_hash, block_time, sender, nonce, contract, method, fee, refusal_rule,
                       refusal_message FROM explorer_receipts WHERE tx_id = :id""").param("id", txId)
                .query((rs, n) -> receipt(rs, effects)).optional();
    }

    /** Whether the address index lists {@code txId} under {@code address}. */
    @Transactional(readOnly = true)
    public boolean concerns(String address, String txId) {
        return jdbc.sql("SELECT 1 FROM explorer_address_txs WHERE address = :address AND tx_id = :id")
                .param("address", address).param("id", txId).query(Integer.class).optional().isPresent();
    }

    /**
     * The ids of the transactions concerning {@code address}, newest first, strictly before
     * {@code before} (null: from the newest), at most {@code limit}: one range of the index.
     */
    @Transactional(readOnly = true)
    public List<String> pageOf(String address, ReceiptRow.Position before, int limit) {
        if (before == null) {
            return jdbc.sql("""
                    SELECT tx_id FROM explorer_address_txs WHERE address = :address
                     ORDER BY height DESC, tx_index DESC FETCH FIRST :limit ROWS ONLY""")
                    .param("address", address).param("limit", limit).query(String.class).list();
        }
        return jdbc.sql("""
                SELECT tx_id FROM explorer_address_txs WHERE address = :address
                   AND (height < :height OR (height = :height AND tx_index < :index))
                 ORDER BY height DESC, tx_index DESC FETCH FIRST :limit ROWS ONLY""")
                .param("address", address).param("height", before.height()).param("index", before.index()).param("limit", limit)
                .query(String.class).list();
    }

    /** The ids of the transactions of block {@code height} that concern {@code address}, in block order. */
    @Transactional(readOnly = true)
    public List<String> inBlockConcerning(String address, long height) {
        return jdbc.sql("""
                SELECT tx_id FROM explorer_address_txs WHERE address = :address AND height = :height ORDER BY tx_index""")
                .param("address", address).param("height", height).query(String.class).list();
    }

    /** How many committed transactions concern {@code address}. */
    @Transactional(readOnly = true)
    public long countOf(String address) {
        return jdbc.sql("SELECT COUNT(*) FROM explorer_address_txs WHERE address = :address").param("address", address)
                .query(Long.class).single();
    }

    private static ReceiptRow receipt(ResultSet rs, List<ReceiptRow.EffectRow> effects) throws SQLException {
        Timestamp time = rs.getTimestamp(6);
        return new ReceiptRow(rs.getString(1), rs.getString(2), rs.getObject(3) == null ? null : rs.getLong(3),
                rs.getObject(4) == null ? null : rs.getInt(4), rs.getString(5), time == null ? null : time.toInstant(), rs.getString(7),
                rs.getObject(8) == null ? null : rs.getLong(8), rs.getString(9), rs.getString(10), rs.getLong(11), rs.getString(12), rs.getString(13), effects, null);
    }
}
