package org.careledger.explorer.internal;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One transaction's receipt as {@code explorer_receipts} keeps it, with its effects and every
 * address it concerns (for {@code explorer_address_txs}). Addresses are lower-case hex, ids hex.
 *
 * @param status "COMMITTED" or "REFUSED"; a refused one has no height, index, block or time
 */
public record ReceiptRow(String txId, String status, Long height, Integer index, String blockHash, Instant blockTime, String sender,
                         Long nonce, String contract, String method, long fee, String refusalRule, String refusalMessage,
                         List<EffectRow> effects, Set<String> addresses) {

    public static final String COMMITTED = "COMMITTED";
    public static final String REFUSED = "REFUSED";

    public ReceiptRow {
        effects = effects == null ? List.of() : List.copyOf(effects);
        addresses = addresses == null ? Set.of() : Set.copyOf(addresses);
    }

    /** What a transaction did, besides its fee: tokens moved (kind TOKENS) or a consent state changed (kind CONSENT). */
    public record EffectRow(String kind, String payer, String payee, Long amount, String change, String subjectId, String patient,
                            String doctor, String detail) {

        public static final String TOKENS = "TOKENS";
        public static final String CONSENT = "CONSENT";
    }

    /** A committed transaction's place, for keyset paging: newest first by height, then index. */
    public record Position(long height, int index) {
    }
}
