package org.careledger.fhir;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import org.careledger.Await;
import org.careledger.IntegrationTest;
import org.careledger.common.OperationNotAllowedException;
import org.careledger.contracts.RecordCategory;
import org.careledger.identity.Role;
import org.careledger.identity.TestAccounts;
import org.careledger.identity.UserProfile;
import org.careledger.records.PatientConsent;
import org.careledger.records.PatientRecords;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.careledger.fhir.FhirPeople.as;

/**
 * Imports as background jobs on the real ledger and H2 file: the upload returns at once with a job that
 * tells its progress (checking n of m resources, storing n of m entries) and its report; a second import
 * for the same patient waits for none, it is refused with a clear message; a refused file stores nothing;
 * and who may import is checked again when the job runs, so a grant revoked while the file waited counts.
 * The one import worker is held busy by a job of the test's own ({@link FhirPeople#holdTheWorker}) where a test needs a
 * file to wait.
 */
class FhirImportJobsTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    PatientFhir patientFhir;
    @Autowired
    DoctorFhir doctorFhir;
    @Autowired
    PatientRecords patientRecords;
    @Autowired
    PatientConsent patientConsent;
    @Autowired
    FhirImportJobs jobs;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void theUploadReturnsAJobThatTellsItsProgressAndEndsWithItsReport() {
        UserProfile patient = new FhirPeople(context).active(Role.PATIENT);
        List<FhirImportJob.Progress> told = new CopyOnWriteArrayList<>();

        FhirImportJob job = as(patient, () -> patientFhir.startImport(FhirPeople.sample(), "import-sample.json"));
        job.subscribe(told::add);
        Await.until("the import ends", () -> job.progress().finished());

        assertThat(job.progress().stage()).isEqualTo(FhirImportJob.Stage.DONE);
        assertThat(job.progress().report().pending()).isEqualTo(5);
        assertThat(job.progress().report().skipped()).hasSize(2);
        assertThat(as(patient, () -> patientRecords.myPendingEntries())).hasSize(5)
                .allSatisfy(e -> assertThat(e.importedFrom()).isEqualTo("FHIR import: import-sample.json"));
        assertThat(told).last().satisfies(p -> assertThat(p.stage()).isEqualTo(FhirImportJob.Stage.DONE));
        assertThat(as(patient, () -> patientFhir.runningImport())).as("nothing runs once it ended").isEmpty();
    }

    @Test
    void aQueuedImportTellsEachStepAndASecondImportForTheSamePatientIsRefusedMeanwhile() throws Exception {
        FhirPeople people = new FhirPeople(context);
        UserProfile patient = people.active(Role.PATIENT);
        CountDownLatch release = new CountDownLatch(1);
        FhirImportJob busy = FhirPeople.holdTheWorker(jobs, people.active(Role.PATIENT), release);
        try {
            FhirImportJob first = as(patient, () -> patientFhir.startImport(FhirPeople.sample(), "first.json"));
            assertThat(first.progress().stage()).as("queued behind the busy worker").isEqualTo(FhirImportJob.Stage.WAITING);
            assertThat(as(patient, () -> patientFhir.runningImport())).contains(first);
            List<FhirImportJob.Progress> told = new CopyOnWriteArrayList<>();
            first.subscribe(told::add);

            assertThatThrownBy(() -> as(patient, () -> patientFhir.startImport(FhirPeople.sample(), "second.json")))
                    .isInstanceOf(OperationNotAllowedException.class)
                    .hasMessage("An import of a FHIR file for this patient is already running; wait for its report before you import another");
            release.countDown();
            Await.until("the first import ends", () -> first.progress().finished());
            assertThat(first.progress().report().pending()).isEqualTo(5);
            assertThat(told).extracting(FhirImportJob.Progress::stage).startsWith(FhirImportJob.Stage.READING)
                    .contains(FhirImportJob.Stage.CHECKING, FhirImportJob.Stage.STORING).endsWith(FhirImportJob.Stage.DONE);
            assertThat(told).as("n of m resources, then n of m entries")
                    .anySatisfy(p -> assertThat(p).extracting("stage", "done", "total").containsExactly(FhirImportJob.Stage.CHECKING, 7, 7))
                    .anySatisfy(p -> assertThat(p).extracting("stage", "done", "total").containsExactly(FhirImportJob.Stage.STORING, 5, 5));
        } finally {
            release.countDown();
        }
        Await.until("the worker's own job ends", () -> busy.progress().finished());
        assertThat(as(patient, () -> patientRecords.myPendingEntries())).hasSize(5)
                .allSatisfy(e -> assertThat(e.importedFrom()).isEqualTo("FHIR import: first.json"));
    }

    @Test
    void withFourFilesWaitingAFifthIsTurnedAwayAndTheFourRunOnceTheWorkerIsFree() throws Exception {
        TestAccounts accounts = new TestAccounts(context);
        List<UserProfile> patients = new java.util.ArrayList<>();
        for (int i = 0; i <= FhirImportJobs.QUEUED; i++) {
            patients.add(accounts.active(Role.PATIENT));
        }
        CountDownLatch release = new CountDownLatch(1);
        List<FhirImportJob> waiting = new java.util.ArrayList<>();
        try {
            FhirPeople.holdTheWorker(jobs, accounts.active(Role.PATIENT), release);
            for (UserProfile p : patients.subList(0, FhirImportJobs.QUEUED)) {
                waiting.add(as(p, () -> patientFhir.startImport(FhirPeople.sample(), "queued.json")));
            }
            UserProfile fifth = patients.get(FhirImportJobs.QUEUED);
            assertThatThrownBy(() -> as(fifth, () -> patientFhir.startImport(FhirPeople.sample(), "fifth.json")))
                    .isInstanceOf(OperationNotAllowedException.class).hasMessage("The portal is importing other files; try again in a minute");
            assertThat(as(fifth, () -> patientFhir.runningImport())).as("nothing of the fifth's is left behind").isEmpty();
        } finally {
            release.countDown();
        }
        Await.until("the four waiting imports end", () -> waiting.stream().allMatch(j -> j.progress().finished()));
        assertThat(waiting).allSatisfy(j -> assertThat(j.progress().report().pending()).isEqualTo(5));
    }

    @Test
    void aRefusedFileEndsTheJobWithTheReasonAndStoresNothing() {
        UserProfile patient = new FhirPeople(context).active(Role.PATIENT);
        String sample = new String(FhirPeople.sample(), StandardCharsets.UTF_8);
        byte[] hostile = sample.replace("\"onsetDateTime\": \"2019-03-14\"", "\"onsetDateTime\": \"last spring\", \"colour\": \"blue\"")
                .getBytes(StandardCharsets.UTF_8);

        FhirImportJob job = as(patient, () -> patientFhir.startImport(hostile, "hostile.json"));
        Await.until("the import ends", () -> job.progress().finished());

        assertThat(job.progress().stage()).isEqualTo(FhirImportJob.Stage.REFUSED);
        assertThat(job.progress().refusal()).isEqualTo("This is not a valid FHIR R4 Bundle");
        assertThat(job.progress().details()).anyMatch(m -> m.contains("colour"));
        assertThat(as(patient, () -> patientRecords.myPendingEntries())).isEmpty();
        byte[] huge = new byte[21 * 1024 * 1024];
        assertThatThrownBy(() -> as(patient, () -> patientFhir.startImport(huge, "huge.json"))).as("refused before it is queued")
                .isInstanceOf(FhirImportRefused.class).hasMessage("The file is larger than 20 MB");
    }

    @Test
    void aGrantRevokedWhileTheDoctorsFileWaitedRefusesTheImportWhenItRuns() throws Exception {
        FhirPeople people = new FhirPeople(context);
        UserProfile doctor = people.active(Role.DOCTOR);
        UserProfile patient = people.active(Role.PATIENT);
        people.granted(doctor, patient, Set.of(RecordCategory.DIAGNOSIS));
        CountDownLatch release = new CountDownLatch(1);
        FhirPeople.holdTheWorker(jobs, people.active(Role.PATIENT), release);
        FhirImportJob queued;
        try {
            queued = as(doctor, () -> doctorFhir.startImport(patient.ledgerAddress(), FhirPeople.sample()));
            as(patient, () -> patientConsent.revoke(patientConsent.myGrants().get(0).grantId()));
        } finally {
            release.countDown();
        }
        FhirImportJob job = queued;
        Await.until("the import ends", () -> job.progress().finished());

        assertThat(job.progress().stage()).isEqualTo(FhirImportJob.Stage.REFUSED);
        assertThat(job.progress().refusal()).startsWith("You have no active consent to write into this patient's record");
        assertThat(as(patient, () -> patientRecords.myPendingEntries())).as("nothing stored").isEmpty();
        assertThatThrownBy(() -> as(doctor, () -> doctorFhir.startImport(patient.ledgerAddress(), FhirPeople.sample())))
                .as("and now refused before anything is queued").isInstanceOf(org.careledger.records.ConsentRequiredException.class);
    }
}
