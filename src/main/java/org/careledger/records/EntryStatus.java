package org.careledger.records;

/** Where an entry stands in the patient's record. */
public enum EntryStatus {
    /** Written by a doctor, waiting for the patient's approval; not part of the record yet. */
    PENDING_APPROVAL,
    /** Refused by the patient, with a comment the doctor sees; never anchored. */
    REJECTED,
    /** Part of the record and anchored on the ledger (or waiting for its anchor to be mined). */
    APPROVED,
    /** Crypto-erased: key, salt and content are gone; the on-chain anchor remains. */
    ERASED
}
