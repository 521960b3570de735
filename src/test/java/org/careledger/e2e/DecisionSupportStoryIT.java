package org.careledger.e2e;

import java.time.Duration;
import java.util.List;
import java.util.Set;

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
import org.careledger.recommend.internal.AdviceRows;
import org.careledger.records.DoctorConsent;
import org.careledger.records.EntryContent;
import org.careledger.records.EntryRules;
import org.careledger.records.PatientConsent;
import org.careledger.records.PatientRecords;
import org.careledger.records.RequestId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Decision support in a real browser: a patient with a lisinopril allergy on record reports symptoms;
 * the doctor, granted the record, sees the likely conditions ranked with their evidence, opens the
 * prescription form for the patient's hypertension, sees the suggested medicines with their
 * confidence and evidence and lisinopril left out with its reason, takes a suggestion and signs; the
 * choice is recorded as a suggestion taken.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DecisionSupportStoryIT extends IntegrationTest {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    private static final String HYPERTENSION = "59621000";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext ctx;
    @Autowired
    LedgerService ledger;
    @Autowired
    DoctorConsent doctorConsent;
    @Autowired
    PatientConsent patientConsent;
    @Autowired
    PatientRecords patientRecords;
    @Autowired
    AdviceRows adviceRows;

    private long started;

    private WebDriver driver() {
        return browser.driver();
    }

    private String baseUrl() {
        return "http://localhost:" + port + "/";
    }

    private void step(String what) {
        System.out.printf("DecisionSupportStoryIT: %5.1f s  %s%n", (System.nanoTime() - started) / 1e9, what);
    }

    @Test
    @DisplayName("patient reports symptoms → doctor sees the ranked conditions → opens the prescription form → sees suggestions with "
            + "evidence, the allergen left out with its reason → picks one")
    void theDecisionSupportStory() {
        TestAccounts accounts = new TestAccounts(ctx);
        UserProfile doctor = accounts.active(Role.DOCTOR);
        UserProfile patient = accounts.active(Role.PATIENT);
        Await.until("both are on the ledger's registry", () -> Registry.roleOf(ledger.committedState().view(), doctor.ledgerAddress())
                .isPresent() && Registry.roleOf(ledger.committedState().view(), patient.ledgerAddress()).isPresent());
        TestAccounts.as(patient.username(), Role.PATIENT, () -> patientRecords.addSelfReported(RecordCategory.ALLERGY,
                EntryContent.coded(EntryRules.RXNORM, "29046", "Lisinopril", null)));
        String address = patient.ledgerAddress().toString();
        started = System.nanoTime();

        // the patient reports symptoms: a severity out of range is refused by its field, then the report joins the record
        new LoginPage(driver(), baseUrl()).open().signInExpecting(patient.username(), TestAccounts.PASSWORD, "patient-home");
        SymptomsPage symptoms = new SymptomsPage(driver(), baseUrl()).open().choose("Sinus Pain", "Nasal Discharge", "Facial Swelling");
        assertThat(symptoms.severityLabels()).containsExactly("Facial Swelling", "Nasal Discharge", "Sinus Pain");
        symptoms.severity(0, 46).severity(1, 44).severity(2, 130).sex("Male");
        assertThat(symptoms.severityError(2)).isEqualTo("A whole number from 0 to 100");
        String reports = symptoms.severity(2, 73).submit("Sinus Pain");
        assertThat(reports).contains("Sinus Pain: 73").contains("Nasal Discharge: 44");
        step("patient reported symptoms");

        grant(doctor, patient, Set.of(RecordCategory.MEDICATION, RecordCategory.ALLERGY, RecordCategory.SYMPTOM_REPORT));
        step("patient granted the doctor access (services)");

        // the doctor sees the likely conditions, ranked, each with its evidence
        new PortalShell(driver(), baseUrl()).signOut().signInExpecting(doctor.username(), TestAccounts.PASSWORD, "doctor-home");
        SymptomAnalysisPage analysis = new SymptomAnalysisPage(driver(), baseUrl()).openFromRecordOf(address);
        assertThat(analysis.reportText()).contains("Sinus Pain 73/100").contains("male");
        List<String> conditions = analysis.rankedConditions();
        assertThat(conditions).isNotEmpty();
        assertThat(conditions.get(0)).containsIgnoringCase("sinusitis").contains("confidence").contains("%");
        step("doctor saw the ranked conditions");

        // the prescription form for the patient's hypertension: suggestions with evidence, lisinopril left out with the reason
        PrescribePage form = new PrescribePage(driver(), baseUrl()).openForDiagnosis(address, HYPERTENSION, "Essential hypertension (disorder)");
        List<String> suggested = form.suggestions();
        assertThat(suggested).hasSizeBetween(1, 3).allSatisfy(s -> {
            assertThat(s).doesNotContainIgnoringCase("lisinopril").contains("confidence");
            assertThat(s).containsPattern("(?i)prescribed in \\d+ ?% of");
        });
        assertThat(form.leftOut()).anySatisfy(l -> assertThat(l).containsIgnoringCase("lisinopril").contains("allergy"));
        long acceptedBefore = adviceRows.usage().accepted();
        String name = suggested.get(0).substring(0, suggested.get(0).indexOf(" · confidence"));
        assertThat(form.useSuggestion(0)).as("the medicine box after Use this").contains(name);
        form.fillInDirections("1 tablet", "once a day", 30, 30);
        form.submitAndReadFirstState(name);
        step("doctor prescribed a suggestion");
        Await.until("the choice is recorded as a suggestion taken", () -> adviceRows.usage().accepted() == acceptedBefore + 1);
    }

    private void grant(UserProfile doctor, UserProfile patient, Set<RecordCategory> categories) {
        LedgerReceipt request = TestAccounts.as(doctor.username(), Role.DOCTOR, () -> doctorConsent.requestAccess(patient.ledgerAddress(),
                Purpose.TREATMENT, categories, Duration.ofDays(7), "Sinus pain; blood pressure"));
        Await.until("the patient sees the request", () -> TestAccounts.as(patient.username(), Role.PATIENT, patientConsent::myRequests)
                .stream().anyMatch(r -> r.requestId().value().equals(request.txId())));
        TestAccounts.as(patient.username(), Role.PATIENT, () -> patientConsent.grant(new RequestId(request.txId()), categories,
                Duration.ofDays(7)));
        Await.until("the grant is mined", () -> TestAccounts.as(doctor.username(), Role.DOCTOR,
                () -> doctorConsent.lookup(patient.ledgerAddress())).state() == org.careledger.records.PatientLookup.AccessState.GRANTED);
    }
}
