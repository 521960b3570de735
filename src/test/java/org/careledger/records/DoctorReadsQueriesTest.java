package org.careledger.records;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import jakarta.persistence.EntityManagerFactory;

import org.careledger.Await;
import org.careledger.IntegrationTest;
import org.careledger.contracts.Purpose;
import org.careledger.contracts.RecordCategory;
import org.careledger.contracts.Registry;
import org.careledger.identity.Role;
import org.careledger.identity.TestAccounts;
import org.careledger.identity.UserProfile;
import org.careledger.node.LedgerService;
import org.careledger.outbox.LedgerReceipt;
import org.careledger.outbox.internal.OutboxRows;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A doctor's own reads of a patient's record ({@link DoctorConsent#myReadsOf}, what the doctor's FHIR export
 * lists): only the doctor's, never another reader's, and read with as many statements however many reads
 * there are (one scan of the patient's audit on the ledger, nothing asked per read).
 */
class DoctorReadsQueriesTest extends IntegrationTest {

    @Autowired
    ApplicationContext ctx;
    @Autowired
    EntityManagerFactory emf;
    @Autowired
    DoctorConsent doctorConsent;
    @Autowired
    DoctorRecords doctorRecords;
    @Autowired
    PatientConsent patientConsent;
    @Autowired
    PatientRecords patientRecords;
    @Autowired
    LedgerService ledger;
    @Autowired
    OutboxRows outbox;

    @Test
    void aDoctorsOwnReadsAreTheirsAloneAndTakeAsManyStatementsWithFiveTimesTheReads() {
        UserProfile doctor = onChain(Role.DOCTOR);
        UserProfile colleague = onChain(Role.DOCTOR);
        UserProfile patient = onChain(Role.PATIENT);
        as(patient, () -> patientRecords.addSelfReported(RecordCategory.ALLERGY, EntryContent.coded(null, null, "Penicillin", null)));
        as(patient, () -> patientRecords.addSelfReported(RecordCategory.ALLERGY, EntryContent.coded(null, null, "Latex", null)));
        granted(doctor, patient);
        granted(colleague, patient);
        as(colleague, () -> doctorRecords.readRecord(patient.ledgerAddress()));
        as(doctor, () -> doctorRecords.readRecord(patient.ledgerAddress()));
        Await.until("four reads on the ledger", () -> as(patient, () -> patientConsent.whoViewedMyRecord()).size() == 4);
        long before = statementsForMyReads(doctor, patient, 2);

        for (int i = 0; i < 4; i++) {
            as(doctor, () -> doctorRecords.readRecord(patient.ledgerAddress()));
        }
        Await.until("twelve reads on the ledger", () -> as(patient, () -> patientConsent.whoViewedMyRecord()).size() == 12);
        long after = statementsForMyReads(doctor, patient, 10);

        assertThat(after).as("statements for the doctor's reads with 8 more (one or more per read would be an N+1)").isEqualTo(before);
        assertThat(as(doctor, () -> doctorConsent.myReadsOf(patient.ledgerAddress()))).allSatisfy(r -> {
            assertThat(r.reader().address()).isEqualTo(doctor.ledgerAddress());
            assertThat(r.entryName()).isEqualTo("an allergy entry");
            assertThat(r.basisKind()).isEqualTo("Grant");
            assertThat(r.purpose()).isEqualTo(Purpose.TREATMENT);
        });
    }

    private long statementsForMyReads(UserProfile doctor, UserProfile patient, int reads) {
        return StatementCounts.fewest(emf, outbox,
                () -> assertThat(as(doctor, () -> doctorConsent.myReadsOf(patient.ledgerAddress()))).hasSize(reads));
    }

    private void granted(UserProfile doctor, UserProfile patient) {
        LedgerReceipt request = as(doctor, () -> doctorConsent.requestAccess(patient.ledgerAddress(), Purpose.TREATMENT,
                Set.of(RecordCategory.ALLERGY), Duration.ofDays(7), null));
        Await.until("the patient sees the request", () -> as(patient, () -> patientConsent.myRequests()).stream()
                .anyMatch(r -> r.requestId().value().equals(request.txId())));
        as(patient, () -> patientConsent.grant(new RequestId(request.txId()), Set.of(RecordCategory.ALLERGY), Duration.ofDays(7)));
        Await.until("the grant is mined", () -> as(doctor, () -> doctorConsent.lookup(patient.ledgerAddress())).state()
                == PatientLookup.AccessState.GRANTED);
    }

    private UserProfile onChain(Role role) {
        UserProfile p = new TestAccounts(ctx).active(role);
        Await.until(p.fullName() + " is on the ledger's registry",
                () -> Registry.roleOf(ledger.committedState().view(), p.ledgerAddress()).isPresent());
        return p;
    }

    private static <T> T as(UserProfile user, java.util.function.Supplier<T> action) {
        return TestAccounts.as(user, action);
    }
}
