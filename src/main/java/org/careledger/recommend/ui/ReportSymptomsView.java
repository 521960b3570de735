package org.careledger.recommend.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import org.careledger.common.ui.BrowserTime;
import org.careledger.common.ui.FieldErrors;
import org.careledger.common.ui.ResponsiveGrid;
import org.careledger.common.ui.ServiceCalls;
import org.careledger.identity.AppRoles;
import org.careledger.recommend.SymptomReporting;
import org.careledger.recommend.TrainingConsent;
import org.careledger.records.RecordEntryView;

/**
 * The patient reports symptoms: picks them from the list the model knows, gives each a severity from
 * 0 to 100, and adds the report to their record, where a doctor with their consent sees it with the
 * conditions it suggests. Also where the patient turns on or off the use of their de-identified
 * records for decision support.
 */
@Route("patient/symptoms")
@PageTitle("Report symptoms · CareLedger")
@Menu(order = 8, title = "Report symptoms", icon = "vaadin:stethoscope")
@RolesAllowed(AppRoles.PATIENT)
class ReportSymptomsView extends VerticalLayout {

    static final String[] SEXES = {"Female", "Male", "Prefer not to say"};
    static final String SEVERITY_RANGE = "A whole number from 0 to 100";

    private final SymptomReporting reporting;
    private final TrainingConsent consent;
    final MultiSelectComboBox<String> symptoms = new MultiSelectComboBox<>("Symptoms");
    final Div severities = new Div();
    final List<IntegerField> severityFields = new ArrayList<>();
    final RadioButtonGroup<String> sex = new RadioButtonGroup<>("Sex (it changes which conditions are likely)");
    final Button submit = new Button("Add to my record");
    final ResponsiveGrid<RecordEntryView> reports = new ResponsiveGrid<>();
    final Checkbox training = new Checkbox("Use my de-identified records to improve decision support");
    final Paragraph trainingNote = new Paragraph();
    private final FieldErrors errors = new FieldErrors();

    ReportSymptomsView(SymptomReporting reporting, TrainingConsent consent) {
        this.reporting = reporting;
        this.consent = consent;
        setId("report-symptoms-view");
        add(new H2("Report symptoms"),
                new Paragraph("Tell your doctor how you feel: choose each symptom and how bad it is, from 0 (barely) to 100 (the worst). "
                        + "The report joins your record like any entry; a doctor sees it only while your consent covers symptom reports, "
                        + "with the conditions it most often goes with. It is not a diagnosis: your doctor decides."),
                createForm(), new H3("Your reports"), createReports(), createTraining());
        refreshReports();
    }

    private VerticalLayout createForm() {
        symptoms.setId("symptom-picker");
        symptoms.setItems(reporting.symptomNames());
        symptoms.setPlaceholder("Type to find a symptom");
        symptoms.setWidthFull();
        symptoms.addValueChangeListener(e -> showSeverities());
        severities.setId("symptom-severities");
        severities.setWidthFull();
        sex.setId("symptom-sex");
        sex.setItems(SEXES);
        sex.setValue(SEXES[2]);
        submit.setId("symptom-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickListener(e -> submit());
        errors.bind("symptoms", symptoms).bind("sex", sex);
        VerticalLayout box = new VerticalLayout(symptoms, severities, sex, submit);
        box.setPadding(false);
        box.addClassName("cl-card");
        return box;
    }

    /** One severity field per symptom chosen, in the order chosen, keeping the values already typed. */
    private void showSeverities() {
        Map<String, Integer> typed = new LinkedHashMap<>();
        severityFields.forEach(f -> typed.put(f.getLabel(), f.getValue()));
        severities.removeAll();
        severityFields.clear();
        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2),
                new FormLayout.ResponsiveStep("50em", 3));
        int i = 0;
        for (String name : symptoms.getSelectedItems().stream().sorted().toList()) {
            IntegerField field = new IntegerField(name);
            field.setId("severity-" + i++);
            field.setMin(0);
            field.setMax(100);
            field.setStepButtonsVisible(true);
            field.setHelperText("0 barely, 100 the worst");
            field.setI18n(new IntegerField.IntegerFieldI18n().setMinErrorMessage(SEVERITY_RANGE).setMaxErrorMessage(SEVERITY_RANGE)
                    .setBadInputErrorMessage(SEVERITY_RANGE).setRequiredErrorMessage(SEVERITY_RANGE));
            field.setRequired(true);
            field.setValue(typed.getOrDefault(name, 50));
            severityFields.add(field);
            form.add(field);
        }
        severities.add(form);
    }

    private void submit() {
        errors.clear();
        Map<String, Integer> chosen = new LinkedHashMap<>();
        for (IntegerField f : severityFields) {
            if (f.isInvalid() || f.getValue() == null || f.getValue() < 0 || f.getValue() > 100) {
                f.setInvalid(true);
                f.setErrorMessage(SEVERITY_RANGE);
                return;
            }
            chosen.put(f.getLabel(), f.getValue());
        }
        String reportedSex = SEXES[0].equals(sex.getValue()) ? "female" : SEXES[1].equals(sex.getValue()) ? "male" : null;
        if (ServiceCalls.attempt(() -> reporting.report(reportedSex, chosen), errors)) {
            FieldErrors.Notifications.success("Your report is in your record, on its way to the ledger");
            symptoms.clear();
            refreshReports();
        }
    }

    private ResponsiveGrid<RecordEntryView> createReports() {
        reports.setId("symptom-reports");
        reports.text("Reported", e -> e.clinicalDate() == null ? "" : e.clinicalDate().toString());
        reports.text("Symptoms (severity)", e -> e.content().text().lines().filter(l -> !l.startsWith("Sex:"))
                .reduce((a, b) -> a + "; " + b).orElse(""));
        reports.text("On the ledger", e -> e.anchorBlock() == null ? "on its way" : "in block " + e.anchorBlock());
        reports.setAllRowsVisible(true);
        return reports;
    }

    private void refreshReports() {
        ServiceCalls.attempt(() -> reports.setItems(reporting.myReports()), null);
    }

    private VerticalLayout createTraining() {
        training.setId("training-consent");
        trainingNote.setId("training-consent-note");
        TrainingConsent.Choice now = consent.mine();
        training.setValue(now.optedIn());
        describe(now);
        training.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                ServiceCalls.attempt(() -> describe(consent.set(e.getValue())), null);
            }
        });
        VerticalLayout box = new VerticalLayout(new H3("Your records and decision support"),
                new Paragraph("Decision support learns from the bundled synthetic data. If you agree, it may also learn from the coded part "
                        + "of your record (diagnoses, medicines, symptom reports; never your name, address or notes) the next time an "
                        + "administrator retrains it. Off unless you turn it on. Turning it off leaves your records out of every later "
                        + "training; a model already trained is not unlearned."),
                training, trainingNote);
        box.setPadding(false);
        return box;
    }

    private void describe(TrainingConsent.Choice choice) {
        trainingNote.setText((choice.optedIn() ? "On" : "Off")
                + (choice.changedAt() == null ? " (you have not changed it)" : ", since " + BrowserTime.format(choice.changedAt())));
    }
}
