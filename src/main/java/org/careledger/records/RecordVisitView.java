package org.careledger.records;

import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.careledger.contracts.Purpose;
import org.careledger.contracts.RecordCategory;

/**
 * One visit to a patient's record: the entries someone read at one moment (a doctor opening the
 * record reads every entry shown at once), each read recorded on the ledger on its own.
 *
 * @param reads the single reads, one per entry
 */
public record RecordVisitView(Instant readAt, Party reader, List<AccessEventView> reads) {

    public RecordVisitView {
        if (reads.isEmpty()) {
            throw new IllegalArgumentException("A visit reads at least one entry");
        }
        reads = List.copyOf(reads);
    }

    /** The kinds of record read. */
    public Set<RecordCategory> categories() {
        Set<RecordCategory> out = EnumSet.noneOf(RecordCategory.class);
        reads.forEach(r -> out.add(r.category()));
        return out;
    }

    /** The purposes of the grants the reads were made under; empty for an emergency access. */
    public Set<Purpose> purposes() {
        Set<Purpose> out = new LinkedHashSet<>();
        reads.stream().filter(r -> r.purpose() != null).forEach(r -> out.add(r.purpose()));
        return out;
    }

    /** "Grant", "Emergency", or "Grant, Emergency" when a visit used both. */
    public String basisKinds() {
        return String.join(", ", reads.stream().map(AccessEventView::basisKind).distinct().toList());
    }
}
