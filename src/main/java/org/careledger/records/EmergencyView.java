package org.careledger.records;

import java.time.Instant;

/**
 * A break-glass access: who opened whose record, why, for how long, and the admin's review.
 *
 * @param reason        the doctor's written reason, decrypted for the patient and admins
 * @param justified     the admin's verdict, null while the review is pending
 * @param reviewComment the admin's comment, if any
 */
public record EmergencyView(EmergencyId emergencyId, Party patient, Party doctor, String reason, Instant start, Instant end,
                            boolean reviewPending, Boolean justified, Party reviewer, String reviewComment) {
}
