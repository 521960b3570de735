package org.careledger.inbox.internal;

import org.careledger.crypto.Address;
import org.careledger.identity.UserId;
import org.careledger.records.EntryId;

/**
 * Where a notification's "Open" leads: the page of the thing it announces, naming the thing itself
 * where the page can show one. Routes with a path parameter ({@code doctor/patients/ADDRESS}) or a
 * query parameter a page reads ({@code doctor/patients?address=}) open the item; the other query
 * parameters name the item for the page to single out, and a page that does not read them yet shows
 * its whole list.
 */
final class Links {

    private Links() {
    }

    /** The admins' approval queue, with this applicant's row selected. */
    static String registration(UserId applicant) {
        return "admin?user=" + applicant.value();
    }

    /** The admins' approval queue, where registrations with an email already in use are listed too. */
    static String approvals() {
        return "admin";
    }

    /** The patient's access requests, at the one from this doctor (a doctor has one waiting per patient at most). */
    static String accessRequest(Address doctor) {
        return doctor == null ? "patient/consents" : "patient/consents?doctor=" + doctor;
    }

    /** The doctor's view of a patient's record (it says so if the doctor may not read it). */
    static String patientRecord(Address patient) {
        return patient == null ? "doctor/patients" : "doctor/patients/" + patient;
    }

    /** The doctor's patient search, with this patient looked up: their access state and what the doctor may do next. */
    static String patientLookup(Address patient) {
        return patient == null ? "doctor/patients" : "doctor/patients?address=" + patient;
    }

    /** The patient's own record, at this entry. */
    static String myEntry(EntryId entry) {
        return "patient/record?entry=" + entry.value();
    }

    /** The patient's access log, where emergency reads are listed. */
    static String accessLog() {
        return "patient/access-log";
    }

    /** The admins' emergency reviews. */
    static String emergencies() {
        return "admin/emergencies";
    }

    /** The admins' erasure requests, at this entry. */
    static String erasure(EntryId entry) {
        return "admin/erasures?entry=" + entry.value();
    }
}
