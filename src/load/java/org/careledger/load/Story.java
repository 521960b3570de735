package org.careledger.load;

import java.util.function.Supplier;

import org.careledger.identity.TestAccounts;
import org.careledger.identity.UserProfile;
import org.careledger.records.DoctorRecords;

/**
 * One user's pass over their main story, each step timed, each page opened in the one UI of the user's
 * session as a router link opens it (one UIDL round trip). A doctor opens home, "My patients", their
 * patient's record (the consent-checked, audited read, through its page) and the inbox, and reads the
 * record once more through {@link DoctorRecords#readRecord} in this JVM, to tell the service's own time
 * from the page's. A patient opens home, access requests, "Who viewed my record" and the inbox.
 * Between two steps the user thinks for {@code load.thinkMillis} (0: none, every user clicking
 * again the moment a page answers), each pause drawn uniformly from half to one and a half times it,
 * so the users do not click in step.
 */
final class Story {

    static final String SIGN_IN = "sign in (form post)";
    static final String LOAD = "load portal (GET+init+nav)";
    static final String RECORD_PAGE = "doctor: record page (read)";
    static final String RECORD_SERVICE = "doctor: readRecord service";
    static final long THINK_MILLIS = Long.getLong("load.thinkMillis", 0);

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
        t.time(LOAD, () -> http.load(home(), "Welcome"));
    }

    void signOut(Timings t) {
        t.time("sign out", http::signOut);
    }

    void pass(Timings t) {
        openHome(t);
        think();
        if (doctor) {
            t.time("doctor: my patients", () -> http.navigate("doctor/patients", "My patients"));
            think();
            t.time(RECORD_PAGE, () -> http.navigate("doctor/patients/" + counterpart.ledgerAddress(), "Patient record"));
            t.time(RECORD_SERVICE, () -> as(() -> doctorRecords.readRecord(counterpart.ledgerAddress())));
        } else {
            t.time("patient: access requests", () -> http.navigate("patient/consents", "Access requests"));
            think();
            t.time("patient: who viewed", () -> http.navigate("patient/access-log", "Who viewed my record"));
        }
        think();
        t.time("inbox", () -> http.navigate("inbox", "Inbox"));
        think();
    }

    private static void think() {
        if (THINK_MILLIS > 0) {
            try {
                Thread.sleep(THINK_MILLIS / 2 + java.util.concurrent.ThreadLocalRandom.current().nextLong(THINK_MILLIS + 1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void openHome(Timings t) {
        // the page's title: the greeting is not sent again when the home page is opened while it is shown
        t.time(doctor ? "doctor: home" : "patient: home", () -> http.navigate(home(), doctor ? "Doctor · CareLedger" : "My profile · CareLedger"));
    }

    private String home() {
        return doctor ? "doctor" : "patient";
    }

    private <T> T as(Supplier<T> action) {
        return TestAccounts.as(user, action);
    }
}
