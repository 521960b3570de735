/**
 * Consented, encrypted health records. A patient's record is a sequence of entries kept off chain,
 * each sealed with AES-256-GCM under its own key (wrapped by the patient's record key, wrapped by the
 * install's master key) and anchored on the ledger by its salted hash once the patient approves it.
 * Doctors find a patient by QR code or address, ask for access, and read only what an active grant
 * or a declared emergency allows; every read is recorded on the ledger before the data is shown.
 * The module's API is one service per audience, each enforcing its rules on the server whatever a
 * view shows: {@link org.careledger.records.DoctorConsent} and {@link org.careledger.records.DoctorRecords}
 * for doctors, {@link org.careledger.records.PatientConsent} and {@link org.careledger.records.PatientRecords}
 * for patients, {@link org.careledger.records.RecordsAdministration} for admins. It writes to the ledger
 * only through the outbox, and tells other modules what happened by events ({@code AccessRequested},
 * {@code EntryProposed} ...); the inbox listens to them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Records",
        allowedDependencies = {"common", "contracts", "crypto", "identity", "install", "ledger", "node", "outbox", "provider"})
package org.careledger.records;
