package org.careledger.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.careledger.Await;
import org.careledger.contracts.Purpose;
import org.careledger.contracts.RecordCategory;
import org.careledger.contracts.Registry;
import org.careledger.identity.Role;
import org.careledger.identity.TestAccounts;
import org.careledger.identity.UserProfile;
import org.careledger.node.LedgerService;
import org.careledger.outbox.LedgerReceipt;
import org.careledger.records.DoctorConsent;
import org.careledger.records.EntryContent;
import org.careledger.records.PatientConsent;
import org.careledger.records.PatientLookup;
import org.careledger.records.PatientRecords;
import org.careledger.records.RequestId;
import org.springframework.context.ApplicationContext;

/**
 * The load test's people, made through the services as the integration tests make them: pairs of a
 * doctor and a patient, approved (so on the ledger's registry), the patient with one entry of their own
 * and a grant to their doctor for diagnoses, mined. Made once for the largest N; a phase of N users
 * takes the first N/2 pairs.
 */
final class LoadPeople {

    /** A doctor and the patient who granted them access. */
    record Pair(UserProfile doctor, UserProfile patient) {
    }

    private static final Duration LEDGER_WAIT = Duration.ofMinutes(3);

    private LoadPeople() {
    }

    static List<Pair> create(ApplicationContext ctx, int pairs) {
        TestAccounts accounts = new TestAccounts(ctx);
        LedgerService ledger = ctx.getBean(LedgerService.class);
        List<Pair> made = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            made.add(new Pair(accounts.active(Role.DOCTOR), accounts.active(Role.PATIENT)));
        }
        Await.until(2 * pairs + " users on the ledger's registry", LEDGER_WAIT, () -> made.stream()
                .allMatch(p -> registered(ledger, p.doctor()) && registered(ledger, p.patient())));
        consent(ctx, made);
        return made;
    }

    private static boolean registered(LedgerService ledger, UserProfile user) {
        return Registry.roleOf(ledger.committedState().view(), user.ledgerAddress()).isPresent();
    }

    /** Each patient adds an entry; each doctor asks for access; each patient grants diagnoses for a week. */
    private static void consent(ApplicationContext ctx, List<Pair> pairs) {
        DoctorConsent doctorConsent = ctx.getBean(DoctorConsent.class);
        PatientConsent patientConsent = ctx.getBean(PatientConsent.class);
        PatientRecords patientRecords = ctx.getBean(PatientRecords.class);
        Set<RecordCategory> diagnoses = EnumSet.of(RecordCategory.DIAGNOSIS);
        Duration week = Duration.ofDays(7);
        List<LedgerReceipt> requests = new ArrayList<>();
        for (Pair p : pairs) {
            TestAccounts.as(p.patient(), () -> patientRecords.addSelfReported(RecordCategory.DIAGNOSIS,
                    EntryContent.coded("ICD-10", "E11.9", "Type 2 diabetes mellitus without complications", "since 2019")));
            requests.add(TestAccounts.as(p.doctor(), () -> doctorConsent.requestAccess(p.patient().ledgerAddress(), Purpose.TREATMENT,
                    diagnoses, week, "Load test")));
        }
        for (int i = 0; i < pairs.size(); i++) {
            Pair p = pairs.get(i);
            RequestId request = new RequestId(requests.get(i).txId());
            Await.until("the request of " + p.doctor().fullName() + " reaches the patient", LEDGER_WAIT,
                    () -> TestAccounts.as(p.patient(), patientConsent::myRequests).stream().anyMatch(r -> r.requestId().equals(request)));
            TestAccounts.as(p.patient(), () -> patientConsent.grant(request, diagnoses, week));
        }
        for (Pair p : pairs) {
            Await.until("the grant to " + p.doctor().fullName() + " is mined", LEDGER_WAIT, () -> TestAccounts.as(p.doctor(),
                    () -> doctorConsent.lookup(p.patient().ledgerAddress())).state() == PatientLookup.AccessState.GRANTED);
        }
        TestAccounts.signOut();
    }
}
