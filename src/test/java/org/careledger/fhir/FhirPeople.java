package org.careledger.fhir;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

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
import org.careledger.records.PatientConsent;
import org.careledger.records.PatientLookup;
import org.careledger.records.RequestId;
import org.springframework.context.ApplicationContext;

/** The people of the FHIR tests, as the portal has them: fresh accounts on the ledger's registry, and a doctor's grant asked for and given. */
final class FhirPeople {

    private final ApplicationContext ctx;

    FhirPeople(ApplicationContext ctx) {
        this.ctx = ctx;
    }

    /** A fresh active account of {@code role}, once the ledger's registry knows it. */
    UserProfile active(Role role) {
        UserProfile p = new TestAccounts(ctx).active(role);
        LedgerService ledger = ctx.getBean(LedgerService.class);
        Await.until(p.fullName() + " is on the ledger's registry",
                () -> Registry.roleOf(ledger.committedState().view(), p.ledgerAddress()).isPresent());
        return p;
    }

    /** The doctor asks for {@code categories} for a week and the patient grants them, mined. */
    void granted(UserProfile doctor, UserProfile patient, Set<RecordCategory> categories) {
        DoctorConsent doctorConsent = ctx.getBean(DoctorConsent.class);
        PatientConsent patientConsent = ctx.getBean(PatientConsent.class);
        LedgerReceipt request = as(doctor, () -> doctorConsent.requestAccess(patient.ledgerAddress(), Purpose.TREATMENT, categories,
                Duration.ofDays(7), null));
        Await.until("the patient sees the request", () -> as(patient, () -> patientConsent.myRequests()).stream()
                .anyMatch(r -> r.requestId().value().equals(request.txId())));
        as(patient, () -> patientConsent.grant(new RequestId(request.txId()), categories, Duration.ofDays(7)));
        Await.until("the grant is mined", () -> as(doctor, () -> doctorConsent.lookup(patient.ledgerAddress())).state()
                == PatientLookup.AccessState.GRANTED && as(doctor, () -> doctorConsent.myPatients()).stream()
                .anyMatch(g -> g.patient().address().equals(patient.ledgerAddress()) && g.categories().containsAll(categories)));
    }

    /**
     * Occupies the one import worker until {@code release}, as a long import of someone else's would, so that a
     * test's import waits where the test can watch it.
     */
    static FhirImportJob holdTheWorker(FhirImportJobs jobs, UserProfile someone, CountDownLatch release) throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        FhirImportJob busy = as(someone, () -> jobs.start(someone, someone.ledgerAddress(), job -> {
            started.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new FhirImportReport(0, List.of(), 0);
        }));
        if (!started.await(10, TimeUnit.SECONDS)) {
            throw new AssertionError("the import worker did not take the test's job");
        }
        return busy;
    }

    static <T> T as(UserProfile user, Supplier<T> action) {
        return TestAccounts.as(user.username(), user.role(), action);
    }

    /** The committed sample Bundle: a Patient, a Condition, two Observations, an AllergyIntolerance, a MedicationStatement, an Immunization. */
    static byte[] sample() {
        try (InputStream in = FhirPeople.class.getResourceAsStream("import-sample.json")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
