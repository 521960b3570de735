package org.careledger.pharmacy;

import java.time.Duration;
import java.util.Set;
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
import org.careledger.records.RequestId;
import org.springframework.context.ApplicationContext;

/**
 * The people of the pharmacy's service tests, set up as they would be in the portal: fresh accounts
 * on the ledger's registry (pharmacists affiliated with their pharmacy), and a doctor's consent
 * asked for and granted through the records services.
 */
public final class PharmacyPeople {

    private final ApplicationContext ctx;
    private final LedgerService ledger;

    public PharmacyPeople(ApplicationContext ctx) {
        this.ctx = ctx;
        this.ledger = ctx.getBean(LedgerService.class);
    }

    /** A fresh active account of {@code role}, once the ledger's registry knows it (and a pharmacist's pharmacy). */
    public UserProfile active(Role role) {
        UserProfile p = new TestAccounts(ctx).active(role);
        Await.until(p.fullName() + " is on the ledger's registry",
                () -> Registry.roleOf(ledger.committedState().view(), p.ledgerAddress()).isPresent());
        if (role == Role.PHARMACIST) {
            Await.until(p.fullName() + " is affiliated with their pharmacy on the ledger",
                    () -> Registry.pharmacyOf(ledger.committedState().view(), p.ledgerAddress()).isPresent());
        }
        return p;
    }

    /** The doctor asks for {@code categories} (MEDICATION among them) for a week and the patient grants them, mined. */
    public void consent(UserProfile doctor, UserProfile patient, Set<RecordCategory> categories) {
        DoctorConsent doctorConsent = ctx.getBean(DoctorConsent.class);
        PatientConsent patientConsent = ctx.getBean(PatientConsent.class);
        Prescribing prescribing = ctx.getBean(Prescribing.class);
        LedgerReceipt request = as(doctor, () -> doctorConsent.requestAccess(patient.ledgerAddress(), Purpose.TREATMENT, categories,
                Duration.ofDays(7), "Blood pressure review"));
        Await.until("the patient sees the request", () -> as(patient, () -> patientConsent.myRequests()).stream()
                .anyMatch(r -> r.requestId().value().equals(request.txId())));
        as(patient, () -> patientConsent.grant(new RequestId(request.txId()), categories, Duration.ofDays(7)));
        // a grant already covering other categories makes mayPrescribe true at once: wait for this one's categories
        Await.until("the grant is mined", () -> as(doctor, () -> prescribing.mayPrescribe(patient.ledgerAddress())
                && doctorConsent.myPatients().stream().anyMatch(g -> g.active()
                        && g.patient().address().equals(patient.ledgerAddress()) && g.categories().containsAll(categories))));
    }

    static <T> T as(UserProfile user, Supplier<T> action) {
        return TestAccounts.as(user.username(), user.role(), action);
    }
}
