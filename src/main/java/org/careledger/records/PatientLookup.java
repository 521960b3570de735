package org.careledger.records;

import java.time.Instant;
import java.util.Set;

import org.careledger.contracts.RecordCategory;
import org.careledger.crypto.Address;

/**
 * What a doctor learns from a patient's code before consent: the address and where their access
 * stands, nothing else about the patient.
 *
 * @param registeredPatient whether the address belongs to a registered patient
 * @param categories        what an active grant or emergency covers (empty otherwise)
 * @param until             when that access ends, or null
 * @param pendingRequestId  the doctor's request waiting for the patient, or null (also while the request is on its way to the ledger)
 */
public record PatientLookup(Address address, boolean registeredPatient, AccessState state, Set<RecordCategory> categories,
                            Instant until, RequestId pendingRequestId) {

    public enum AccessState {
        NO_ACCESS,
        REQUEST_PENDING,
        GRANTED,
        EMERGENCY
    }
}
