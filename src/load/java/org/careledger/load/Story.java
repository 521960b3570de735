package org.careledger.load;

import java.util.function.Supplier;

import org.careledger.identity.TestAccounts;
import org.careledger.identity.UserProfile;
import org.careledger.records.DoctorRecords;

/**
 * One user's pass over their main story, each step timed. A doctor opens home, "My patients", their
 * patient's record (the consent-checked, audited read, through its page) and the inbox, and reads the
 * record once more through {@link DoctorRecords#readRecord} in this JVM, to tell the service's own time
 * from the page's. A patient opens home, access requests, "Who viewed my record" and the inbox.
 */
final class Story {

    static final String SIGN_IN = "sign in (form post)";
    static final String RECORD_PAGE = "doctor: record page (read)";
    static final String RECORD_SERVICE = "doctor: readRecord service";

    private final HttpUser http;
    private final UserProfile user;
    private final UserProfile counterpart;
    private final boolean doctor;
    private final DoctorRecords doctorRecords;

    Story(HttpUser http, UserProfile user, UserProfile counterpart, boolean doctor, DoctorRecords doctorRecords) {
        this.http = http;
        this.user = user;
        this.counterpart = counterpart;
        this.doctor = doctor;
        this.doctorRecords = doctorRecords;
    }

    void signIn(Timings t) {
        t.time(SIGN_IN, () -> http.signIn(TestAccounts.PASSWORD));
        openHome(t);
    }

    void signOut(Timings t) {
        t.time("sign out", http::signOut);
    }

    void pass(Timings t) {
        openHome(t);
        if (doctor) {
            t.time("doctor: my patients", () -> http.open("doctor/patients", "My patients"));
            t.time(RECORD_PAGE, () -> http.open("doctor/patients/" + counterpart.ledgerAddress(), "Patient record"));
            t.time(RECORD_SERVICE, () -> as(() -> doctorRecords.readRecord(counterpart.ledgerAddress())));
        } else {
            t.time("patient: access requests", () -> http.open("patient/consents", "Access requests"));
            t.time("patient: who viewed", () -> http.open("patient/access-log", "Who viewed my record"));
        }
        t.time("inbox", () -> http.open("inbox", "Inbox"));
    }

    private void openHome(Timings t) {
        t.time(doctor ? "doctor: home" : "patient: home", () -> http.open(doctor ? "doctor" : "patient", "Welcome"));
    }

    private <T> T as(Supplier<T> action) {
        return TestAccounts.as(user, action);
    }
}
