/**
 * Consented, encrypted health records. A patient's record is a sequence of entries kept off chain,
 * each sealed with AES-256-GCM under its own key (wrapped by the patient's record key, wrapped by the
 * install's master key) and anchored on the ledger by its salted hash once the patient approves it.
 * Doctors find a patient by QR code or address, ask for access, and read only what an active grant
 * or a declared emergency allows; every read is recorded on the ledger before the data is shown.
 * {@link org.careledger.records.ConsentService} and {@link org.careledger.records.RecordService} are
 * the module's API; both enforce their rules on the server, whatever a view shows.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Records")
package org.careledger.records;
