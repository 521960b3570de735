package org.careledger.recommend.ui;

import java.time.Duration;
import java.util.Set;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import org.careledger.Await;
import org.careledger.identity.DemoAccounts;
import org.careledger.identity.Role;
import org.careledger.identity.UserProfile;
import org.careledger.recommend.ModelAdministration;
import org.careledger.ui.KaribuTest;
import org.junit.jupiter.api.Test;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Decision support's pages as their users meet them: the patient's symptom form (a severity out of
 * range refused by its field, the report listed once added, the training consent off until turned
 * on); a doctor without consent told why there is no analysis; the admin's page with the current
 * model, its evaluation, and a retraining that runs in the background to its outcome.
 */
class RecommendViewsTest extends KaribuTest {

    @Test
    void aPatientReportsSymptomsWithTheirSeveritiesAndTurnsTheTrainingConsentOn() {
        UserProfile patient = accounts().active(Role.PATIENT);
        login(patient.username(), Role.PATIENT);
        UI.getCurrent().navigate("patient/symptoms");
        ReportSymptomsView view = _get(ReportSymptomsView.class);
        assertThat(view.symptoms.getListDataView().getItems().toList()).contains("Cough", "Fever", "Sore Throat");

        _click(view.submit);
        assertThat(view.symptoms.isInvalid()).as("no symptom chosen").isTrue();
        assertThat(view.symptoms.getErrorMessage()).isEqualTo("Choose at least one symptom");

        _setValue(view.symptoms, Set.of("Fever", "Cough"));
        assertThat(view.severityFields).extracting(f -> f.getLabel()).containsExactly("Cough", "Fever");
        _setValue(view.severityFields.get(1), 140);
        _click(view.submit);
        assertThat(view.severityFields.get(1).isInvalid()).isTrue();
        assertThat(view.reports.getGenericDataView().getItems().count()).as("nothing added").isZero();

        _setValue(view.severityFields.get(1), 70);
        _setValue(view.sex, ReportSymptomsView.SEXES[0]);
        _click(view.submit);
        expectNotifications("Your report is in your record, on its way to the ledger");
        assertThat(view.reports.getGenericDataView().getItems().toList()).singleElement()
                .satisfies(e -> assertThat(e.content().text()).isEqualTo("Sex: female\nCough: 50\nFever: 70"));

        assertThat(view.training.getValue()).as("off unless the patient turns it on").isFalse();
        _setValue(view.training, true);
        assertThat(view.trainingNote.getText()).startsWith("On, since");
    }

    @Test
    void aDoctorWithoutConsentIsToldWhyThereIsNoAnalysis() {
        UserProfile patient = accounts().active(Role.PATIENT);
        login(DemoAccounts.DOCTOR.username(), Role.DOCTOR);
        UI.getCurrent().navigate("doctor/symptoms/" + patient.ledgerAddress());
        assertThat(_get(Paragraph.class, spec -> spec.withId("symptoms-no-consent")).getText()).contains("consent covers symptom reports");
    }

    @Test
    void anAdminSeesTheModelAndItsEvaluationAndARetrainingRunsToItsOutcome() {
        login(DemoAccounts.ADMIN.username(), Role.ADMIN);
        UI.getCurrent().navigate("admin/decision-support");
        DecisionSupportAdminView view = _get(DecisionSupportAdminView.class);
        assertThat(view.model.getText()).startsWith("Model ").contains("trained on");
        assertThat(view.evaluation.getText()).containsPattern("disease top1=0\\.\\d{3} top3=0\\.\\d{3}")
                .containsPattern("medicine top1=0\\.\\d{3} top3=0\\.\\d{3}");

        _click(view.retrain);
        expectNotifications("Retraining started: it runs in the background");
        assertThat(view.retrain.isEnabled()).as("one retraining at a time").isFalse();
        ModelAdministration administration = ctx.getBean(ModelAdministration.class);
        Await.until("the retraining ends", Duration.ofSeconds(120), () -> !asAdmin(administration::status).job().running());
        assertThat(asAdmin(administration::status).runs()).isNotEmpty()
                .first().satisfies(r -> assertThat(r.outcome()).isIn("REPLACED", "KEPT"));
        UI.getCurrent().navigate("admin");
        UI.getCurrent().navigate("admin/decision-support");
        DecisionSupportAdminView again = _get(DecisionSupportAdminView.class);
        assertThat(again.retrain.isEnabled()).isTrue();
        assertThat(again.step.getText()).startsWith("Last retraining: ");
        assertThat(again.runs.getGenericDataView().getItems().count()).isPositive();
    }

    private static <T> T asAdmin(java.util.function.Supplier<T> action) {
        return org.careledger.identity.TestAccounts.as(DemoAccounts.ADMIN.username(), Role.ADMIN, action);
    }
}
