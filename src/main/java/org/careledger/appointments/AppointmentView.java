package org.careledger.appointments;

import java.time.Instant;
import java.time.ZoneId;

import org.careledger.identity.UserId;

/**
 * An appointment as a page shows it to the person asking: the patient, the doctor or an admin.
 *
 * @param id                    the portal's id of a booking made here, else the id on chain (hex)
 * @param chainId               the id on chain (the booking transaction's), null while on its way
 * @param patientName           the patient's name (to the patient, their doctor and admins)
 * @param doctorZone            the doctor's provider's time zone, in which the doctor works
 * @param fee                   base units
 * @param bookedBlock           the block that booked it, null while on its way
 * @param reason                the reason for the visit, to the patient and the doctor only; null if none
 * @param declineReason         the doctor's reason for declining, to the patient and the doctor; null if none
 * @param freeCancellationUntil the last block time at which the patient cancels for a full refund
 * @param problem               why it was not booked, or why an action on it was refused; null if nothing went wrong
 * @param actionOnItsWay        an action queued and not yet in a block ("Cancellation"), or null
 * @param cancellable           whether the patient may cancel it now
 * @param cancelCostsFee        whether cancelling now (or within the ledger's margin) pays the fee to the doctor
 * @param confirmable           whether the doctor may confirm it now
 * @param declinable            whether the doctor may decline it now
 * @param closable              whether the doctor may mark it completed or missed now (it has started)
 */
public record AppointmentView(String id, String chainId, UserId patient, String patientName, String patientAddress, UserId doctor,
                              String doctorName, String specialty, String providerName, Instant start, Instant end, ZoneId doctorZone,
                              long fee, AppointmentState state, Long bookedBlock, String reason, String declineReason,
                              Instant freeCancellationUntil, String problem, String actionOnItsWay, boolean cancellable,
                              boolean cancelCostsFee, boolean confirmable, boolean declinable, boolean closable) {
}
