package org.careledger.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.careledger.Await;
import org.careledger.IntegrationTest;
import org.careledger.contracts.RecordCategory;
import org.careledger.contracts.Registry;
import org.careledger.identity.PatientQrCodes;
import org.careledger.identity.Role;
import org.careledger.identity.TestAccounts;
import org.careledger.identity.UserProfile;
import org.careledger.inbox.Inbox;
import org.careledger.node.LedgerService;
import org.careledger.records.EntryContent;
import org.careledger.records.PatientRecords;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The records story in a real browser, with a fresh doctor and patient (so the demo data cannot
 * interfere): the doctor uploads the patient's QR code and asks for access, the patient approves,
 * the doctor reads the record and adds a diagnosis, the patient approves it and sees the doctor's
 * read in "Who viewed my record", then revokes, and the doctor can no longer read. And a patient's own
 * record: an attachment added and downloaded, a proof shown as a QR code, the inbox badge updated by push.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RecordsStoryIT extends IntegrationTest {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    private static final String DIABETES = "Diabetes mellitus type 2";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext ctx;

    @Autowired
    PatientQrCodes qrCodes;

    @Autowired
    PatientRecords records;

    @Autowired
    Inbox inbox;

    @Autowired
    LedgerService ledger;

    @Autowired
    TransactionTemplate transactions;

    private WebDriver driver() {
        return browser.driver();
    }

    private String baseUrl() {
        return "http://localhost:" + port + "/";
    }

    private void signIn(UserProfile user, String homeId) {
        new LoginPage(driver(), baseUrl()).open().signInExpecting(user.username(), TestAccounts.PASSWORD, homeId);
    }

    /** An approved account is registered on the ledger a few seconds later; until then its entries are refused. */
    private void awaitOnLedger(UserProfile user) {
        Await.until(user.fullName() + " is on the ledger's registry",
                () -> Registry.roleOf(ledger.committedState().view(), user.ledgerAddress()).isPresent());
    }

    /** Signs out and the next user in on the login page the sign-out lands on, as two people sharing a screen would. */
    private void switchTo(UserProfile user, String homeId) {
        new PortalShell(driver(), baseUrl()).signOut().signInExpecting(user.username(), TestAccounts.PASSWORD, homeId);
    }

    @Test
    @DisplayName("QR upload → request → patient approves → doctor reads and adds a diagnosis → patient approves it, sees the read, revokes → doctor is refused")
    void theWholeRecordsStory() throws IOException {
        TestAccounts accounts = new TestAccounts(ctx);
        UserProfile doctor = accounts.active(Role.DOCTOR);
        UserProfile patient = accounts.active(Role.PATIENT);
        String address = patient.ledgerAddress().toString();
        awaitOnLedger(doctor);
        awaitOnLedger(patient);
        TestAccounts.as(patient.username(), Role.PATIENT, () -> records.addSelfReported(RecordCategory.ALLERGY,
                EntryContent.coded(null, null, "Penicillin", "hives")));
        Path qr = Files.createTempFile("patient-qr-", ".png");
        Files.write(qr, TestAccounts.as(patient.username(), Role.PATIENT, qrCodes::myPng));

        try {
            // the doctor finds the patient by QR code: only the address and the access state
            signIn(doctor, "doctor-home");
            DoctorPatientsPage patients = new DoctorPatientsPage(driver(), baseUrl()).open().uploadQrCode(qr);
            assertThat(patients.lookupAddress()).isEqualTo(address);
            assertThat(patients.lookupState()).isEqualTo("No access: ask the patient for access");
            assertThat(patients.lookupPanelText()).doesNotContain(patient.fullName());
            patients.requestAccess("diagnosis", "allergy");
            assertThat(patients.requestReceipt()).matches("Your request — Ledger: (queued|pending|committed in block \\d+)");

            // the patient approves
            switchTo(patient, "patient-home");
            AccessRequestsPage requests = new AccessRequestsPage(driver(), baseUrl()).open();
            assertThat(requests.requestFrom(doctor.fullName()).getText())
                    .contains("GMC-123/4").contains("Purpose: treatment").contains("diagnosis, allergy");
            requests.approveAsAsked(doctor.fullName());

            // the doctor reads the record and adds a diagnosis
            switchTo(doctor, "doctor-home");
            DoctorRecordPage record = new DoctorRecordPage(driver(), baseUrl()).openFor(address);
            assertThat(record.showsRecord()).isTrue();
            assertThat(record.recordText()).contains("Penicillin").contains("self-reported");
            record.addDiagnosis("44054006", DIABETES, "HbA1c 8.1 %");
            assertThat(record.myEntriesText()).contains("Waiting for the patient");

            // the patient approves the entry, sees it verified, and sees the doctor's read
            switchTo(patient, "patient-home");
            MyRecordPage mine = new MyRecordPage(driver(), baseUrl()).open().approveEntry(DIABETES).waitUntilVerified(DIABETES);
            assertThat(mine.recordText()).contains(DIABETES).contains("Verified");
            String log = new AccessLogPage(driver(), baseUrl()).open().waitForReadBy(doctor.fullName());
            assertThat(log).contains("allergy").contains("treatment").contains("Grant");

            // ... and revokes
            new AccessRequestsPage(driver(), baseUrl()).open().revokeGrant();

            // the doctor can no longer read
            switchTo(doctor, "doctor-home");
            DoctorRecordPage refused = new DoctorRecordPage(driver(), baseUrl()).openFor(address);
            assertThat(refused.showsRecord()).isFalse();
            assertThat(refused.consentRequiredMessage()).contains("no active consent");
            assertThat(refused.offersEmergency()).isTrue();
            assertThat(refused.openAndCancelEmergencyDialog()).as("the emergency dialog opened").isTrue();
        } finally {
            Files.deleteIfExists(qr);
        }
    }

    @Test
    @DisplayName("a patient attaches a file to their record and downloads it, shows an entry's proof as a QR code, downloads the record as FHIR "
            + "and imports another hospital's FHIR file for approval, and sees a new message counted at once")
    void aPatientsOwnRecordAndLiveInbox() {
        UserProfile patient = new TestAccounts(ctx).active(Role.PATIENT);
        awaitOnLedger(patient);
        byte[] png = TestAccounts.as(patient.username(), Role.PATIENT, qrCodes::myPng);
        Path scan = MyRecordPage.tempCopy(png, "scan.png");

        signIn(patient, "patient-home");
        MyRecordPage mine = new MyRecordPage(driver(), baseUrl()).open()
                .addAttachment(scan, "Photo of my vaccination card")
                .waitUntilVerified("scan.png");
        assertThat(mine.downloadAttachment("scan.png")).as("bytes downloaded").isEqualTo(png.length);
        assertThat(mine.proofQrWidth()).as("the proof's QR image loaded").isGreaterThan(0);

        // FHIR: the record leaves as a Bundle with its ledger anchors, and a Bundle from elsewhere comes in for approval
        String bundle = mine.downloadFhir();
        assertThat(bundle).as("the FHIR download").isNotNull().containsPattern("\"resourceType\"\\s*:\\s*\"Bundle\"").contains("scan.png")
                .contains("https://careledger.org/fhir/StructureDefinition/ledger-anchor");
        Path sample = MyRecordPage.tempCopy(readResource("/org/careledger/fhir/import-sample.json"), "other-hospital.json");
        assertThat(mine.importFhir(sample)).as("the import's report").contains("for your approval below");
        new WebDriverWait(driver(), PageObject.TIMEOUT, PageObject.POLL).until(d -> !mine.pendingEntries().isEmpty());

        // push: a message sent now shows in the badge without a reload
        PortalShell shell = new PortalShell(driver(), baseUrl());
        long unread = shell.unreadCount();
        transactions.executeWithoutResult(tx -> inbox.send(patient.id(), "A test message", "Sent while the page is open", null));
        new WebDriverWait(driver(), PageObject.TIMEOUT, PageObject.POLL).until(d -> shell.unreadCount() == unread + 1);
    }

    private static byte[] readResource(String name) {
        try (java.io.InputStream in = RecordsStoryIT.class.getResourceAsStream(name)) {
            assertThat(in).as(name + " on the test classpath").isNotNull();
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
