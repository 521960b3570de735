package org.careledger.records;

/**
 * What an import stored: how many entries now wait for the patient's approval, and how many were
 * skipped because the same entry was already there (see {@link PatientRecords#importPending} and
 * {@link DoctorRecords#proposeImported} for what "there" means to each).
 */
public record ImportResult(int pending, int alreadyThere) {

    /** Told of each entry stored, for a progress bar: {@code done} of the {@code total} new entries. */
    public interface Progress {
        void stored(int done, int total);
    }
}
