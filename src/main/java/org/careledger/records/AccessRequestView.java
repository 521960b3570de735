package org.careledger.records;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.careledger.contracts.Purpose;
import org.careledger.contracts.RecordCategory;
import org.careledger.contracts.RequestStatus;
import org.careledger.outbox.LedgerReceipt;

/**
 * A doctor's request for access as the patient sees it: who asks, why, for what and how long.
 *
 * @param note     the doctor's note, decrypted for the patient (null if none)
 * @param decision where the patient's decision stands on the ledger, if they decided
 */
public record AccessRequestView(RequestId requestId, Party doctor, Purpose purpose, Set<RecordCategory> categories,
                                Duration duration, String note, Instant requestedAt, RequestStatus status,
                                LedgerReceipt decision) {
}
