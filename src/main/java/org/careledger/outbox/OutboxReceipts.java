package org.careledger.outbox;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.careledger.outbox.internal.OutboxRow;
import org.careledger.outbox.internal.OutboxRows;
import org.springframework.stereotype.Component;

/**
 * Where the outbox's calls about an entry, a grant or a fill stand, for pages that show it: reads
 * only, apart from {@link LedgerOutbox}'s queueing and sending.
 */
@Component
public class OutboxReceipts {

    private final OutboxRows rows;

    OutboxReceipts(OutboxRows rows) {
        this.rows = rows;
    }

    /** Where the newest call of this kind about {@code relatedId} stands. */
    public Optional<LedgerReceipt> latest(CallKind kind, String relatedId) {
        return rows.findByRelatedIdAndKindOrderByIdDesc(relatedId, kind.toString()).stream().findFirst().map(LedgerOutbox::receipt);
    }

    /**
     * Where the newest call of this kind about each of {@code relatedIds} stands, by related id (ids
     * with no call are absent): one query per 500 ids, for a list's worth of entries.
     */
    public Map<String, LedgerReceipt> latestOfEach(CallKind kind, Collection<String> relatedIds) {
        Map<String, LedgerReceipt> out = new HashMap<>();
        List<String> ids = List.copyOf(new LinkedHashSet<>(relatedIds));
        for (int from = 0; from < ids.size(); from += 500) {
            for (OutboxRow row : rows.findByRelatedIdInAndKindOrderByIdDesc(ids.subList(from, Math.min(ids.size(), from + 500)), kind.toString())) {
                out.putIfAbsent(row.getRelatedId(), LedgerOutbox.receipt(row));
            }
        }
        return out;
    }
}
