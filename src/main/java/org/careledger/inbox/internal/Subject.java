package org.careledger.inbox.internal;

import org.careledger.identity.UserId;
import org.careledger.records.EntryId;

/**
 * What a notification asks someone to act on: a registration, an access request, an entry or an
 * erasure waiting for a decision, an emergency access waiting for review. Stored with the
 * notification, so that the event which settles the subject marks it handled for everyone told of it.
 */
public record Subject(Kind kind, String id) {

    /** The kinds of thing a notification can wait on. */
    public enum Kind {
        /** An applicant's registration (id: the applicant's user id); settled by approval or rejection. */
        REGISTRATION(false),
        /** A doctor's request waiting for a patient (id: patient/doctor); a doctor has one waiting per patient at most. */
        ACCESS_REQUEST(false),
        /** A doctor's entry waiting for its patient's approval (id: the entry). */
        ENTRY_PROPOSAL(false),
        /** A patient's request to erase an entry (id: the entry); settled by erasure or refusal. */
        ERASURE_REQUEST(false),
        /**
         * An emergency access waiting for an admin's review (id: patient/doctor). A doctor may open
         * one patient's record in an emergency twice before either is reviewed, so a review settles
         * the oldest waiting notification of the pair, not all of them.
         */
        EMERGENCY_REVIEW(true);

        private final boolean oneAtATime;

        Kind(boolean oneAtATime) {
            this.oneAtATime = oneAtATime;
        }

        /** Whether one settling event settles only the oldest waiting notification per recipient. */
        public boolean oneAtATime() {
            return oneAtATime;
        }
    }

    public Subject {
        if (kind == null || id == null || id.isBlank() || id.length() > 100) {
            throw new IllegalArgumentException("A subject is a kind and an id of 1 to 100 characters, not " + kind + " " + id);
        }
    }

    public static Subject registration(UserId applicant) {
        return new Subject(Kind.REGISTRATION, Long.toString(applicant.value()));
    }

    public static Subject accessRequest(UserId patient, UserId doctor) {
        return new Subject(Kind.ACCESS_REQUEST, pair(patient, doctor));
    }

    public static Subject entryProposal(EntryId entry) {
        return new Subject(Kind.ENTRY_PROPOSAL, entry.value());
    }

    public static Subject erasureRequest(EntryId entry) {
        return new Subject(Kind.ERASURE_REQUEST, entry.value());
    }

    public static Subject emergencyReview(UserId patient, UserId doctor) {
        return new Subject(Kind.EMERGENCY_REVIEW, pair(patient, doctor));
    }

    private static String pair(UserId patient, UserId doctor) {
        return patient.value() + "/" + doctor.value();
    }

    @Override
    public String toString() {
        return kind + ":" + id;
    }
}
