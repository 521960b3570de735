package org.careledger.records;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.careledger.contracts.RecordCategory;

/**
 * What a doctor sees of a patient's record: the patient, the entries of the categories their access
 * covers, which categories stay hidden, and until when each covered category is open.
 *
 * @param emergency whether any category is open only through an emergency access
 */
public record PatientRecordView(Party patient, List<RecordEntryView> entries, Map<RecordCategory, Instant> openUntil,
                                Set<RecordCategory> hidden, boolean emergency) {
}
