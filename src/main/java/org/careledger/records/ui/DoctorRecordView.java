package org.careledger.records.ui;

import java.util.Map;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import org.careledger.common.InvalidInputException;
import org.careledger.common.ui.BrowserTime;
import org.careledger.common.ui.FieldErrors;
import org.careledger.common.ui.ResponsiveGrid;
import org.careledger.common.ui.ServiceCalls;
import org.careledger.contracts.RecordCategory;
import org.careledger.crypto.Address;
import org.careledger.identity.AppRoles;
import org.careledger.records.ConsentRequiredException;
import org.careledger.records.DoctorConsent;
import org.careledger.records.DoctorRecords;
import org.careledger.records.RecordExchange;
import org.springframework.beans.factory.ObjectProvider;
import org.careledger.records.PatientCodes;
import org.careledger.records.PatientRecordView;
import org.careledger.records.RecordEntryView;

/**
 * A patient's record as a doctor may see it now: the categories their grant or emergency opens,
 * each entry checked against its anchor, and a form to add an entry for the patient to approve.
 * Opening it records the reads on the ledger; without consent it says so and offers the ways in.
 */
@Route("doctor/patients/:" + DoctorRecordView.ADDRESS)
@PageTitle("Patient record · CareLedger")
@RolesAllowed(AppRoles.DOCTOR)
class DoctorRecordView extends VerticalLayout implements BeforeEnterObserver {

    static final String ADDRESS = "address";

    private final DoctorRecords records;
    private final DoctorConsent consents;
    final H2 title = new H2("Patient record");
    final ResponsiveGrid<RecordEntryView> entries = new ResponsiveGrid<>();
    final ResponsiveGrid<RecordEntryView> myEntries = new ResponsiveGrid<>();
    private final VerticalLayout content = new VerticalLayout();
    private Address patient;
    private boolean mayPrescribe;

    private final ObjectProvider<RecordExchange> exports;

    DoctorRecordView(DoctorRecords records, DoctorConsent consents, ObjectProvider<RecordExchange> exports) {
        this.records = records;
        this.consents = consents;
        this.exports = exports;
        setId("doctor-record");
        title.getStyle().set("overflow-wrap", "anywhere");
        content.setPadding(false);
        add(title, content);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String typed = event.getRouteParameters().get(ADDRESS).orElse("");
        try {
            patient = PatientCodes.fromTyped(typed);
        } catch (InvalidInputException e) {
            content.removeAll();
            content.add(new Paragraph("This is not a patient address: " + e.fieldErrors().values().iterator().next()));
            return;
        }
        read();
    }

    private void read() {
        content.removeAll();
        PatientRecordView record;
        try {
            record = records.readRecord(patient);
        } catch (ConsentRequiredException e) {
            title.setText("Patient " + patient);
            content.add(createConsentRequired(e.getMessage()));
            return;
        } catch (RuntimeException e) {
            title.setText("Patient " + patient);
            ServiceCalls.report(e);
            return;
        }
        mayPrescribe = record.openUntil().containsKey(RecordCategory.MEDICATION);
        title.setText("Record of " + (record.patient().name() == null ? patient.toString() : record.patient().name()));
        if (record.emergency()) {
            Div banner = new Div(new Span("EMERGENCY ACCESS: you opened this record without the patient's consent. "
                    + "Every read is on the ledger and an admin reviews it."));
            banner.setId("emergency-banner");
            banner.getElement().getThemeList().add("badge error primary");
            content.add(banner);
        }
        content.add(createOpenUntil(record.openUntil()));
        if (!record.hidden().isEmpty()) {
            Paragraph hidden = new Paragraph("Hidden from you: " + RecordsUi.categories(record.hidden()));
            hidden.setId("hidden-categories");
            content.add(hidden);
        }
        Address shown = patient;
        RecordExchange.of(exports).ifPresent(export -> content.add(ExportLink.of("fhir-download", "careledger-patient-record-fhir.json",
                export.label(), () -> export.exportFor(shown))));
        configureEntries();
        entries.setItems(record.entries());
        if (record.openUntil().containsKey(RecordCategory.MEDICATION)) {
            Button prescribe = new Button("Prescribe", click -> UI.getCurrent().navigate("doctor/prescribe/" + patient));
            prescribe.setId("prescribe-button");
            prescribe.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            content.add(prescribe);
        }
        if (record.entries().stream().anyMatch(e -> e.category() == RecordCategory.SYMPTOM_REPORT && e.content() != null)) {
            // decision support's page (module recommend), by its route: the record does not depend on it
            Button symptoms = new Button("Analyse symptoms", click -> UI.getCurrent().navigate("doctor/symptoms/" + patient));
            symptoms.setId("analyse-symptoms-button");
            content.add(symptoms);
        }
        content.add(entries, new H3("Add an entry"),
                new Paragraph("The patient approves each entry you write before it joins their record."),
                new EntryForm(record.openUntil().keySet(), (category, c, date) -> records.proposeEntry(patient, category, c, date), () -> {
                    FieldErrors.Notifications.success("Entry sent to the patient for approval");
                    refreshMyEntries();
                }),
                new H3("Entries you wrote"), createMyEntries());
        RecordExchange.of(exports).ifPresent(exchange -> content.add(new ImportSection("Import a FHIR file for this patient",
                "A FHIR R4 Bundle in JSON (at most LIMIT). Its entries in the categories open to you are sent to the patient for "
                        + "approval, written by you, as the entries you add above; the others are listed as skipped.",
                exchange.maxImportBytes(), (name, bytes) -> exchange.importFor(shown, name, bytes), () -> exchange.runningImportFor(shown),
                this::refreshMyEntries)));
        refreshMyEntries();
    }

    private Paragraph createOpenUntil(Map<RecordCategory, java.time.Instant> openUntil) {
        StringBuilder text = new StringBuilder("Open to you: ");
        openUntil.forEach((c, until) -> text.append(RecordsUi.category(c)).append(" (until ").append(BrowserTime.format(until)).append("); "));
        Paragraph open = new Paragraph(text.toString().replaceAll("; $", ""));
        open.setId("open-categories");
        return open;
    }

    private VerticalLayout createConsentRequired(String message) {
        Paragraph text = new Paragraph(message);
        text.setId("consent-required");
        Button request = new Button("Ask for access", click -> UI.getCurrent().navigate("doctor/patients",
                QueryParameters.of("address", patient.toString())));
        request.setId("ask-access-button");
        request.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        VerticalLayout box = new VerticalLayout(text, request, EmergencyDialog.section(consents, patient, this::read));
        box.setPadding(false);
        return box;
    }

    private void configureEntries() {
        entries.setId("record-grid");
        entries.setItemDetailsRenderer(EntryDetails.renderer());
        entries.text("Entry", e -> e.content() == null ? "" : e.content().summary());
        entries.text("Category", e -> RecordsUi.category(e.category()));
        entries.text("Code", e -> e.content() == null || e.content().code() == null ? ""
                : e.content().codeSystem() + " " + e.content().code());
        entries.text("Date", RecordsUi::date);
        entries.text("From", e -> RecordsUi.from(e, e.author() + " (self-reported)"));
        entries.component("Integrity", e -> RecordsUi.integrityBadge(e.integrity()));
        entries.actions("", this::treatButton);
        entries.setEmptyStateText("Nothing in the categories open to you: the patient's record holds no entry of these kinds yet. "
                + "Entries you add appear here once the patient approves them.");
        entries.setAllRowsVisible(true);
    }

    /** For a diagnosis, while the doctor may prescribe: a prescription for it, its code the indication. */
    private com.vaadin.flow.component.Component treatButton(RecordEntryView e) {
        if (e.category() != RecordCategory.DIAGNOSIS || e.content() == null || e.content().code() == null || !mayPrescribe) {
            return new Span();
        }
        Button treat = new Button("Prescribe for this", click -> UI.getCurrent().navigate("doctor/prescribe/" + patient,
                QueryParameters.simple(Map.of("system", e.content().codeSystem(), "code", e.content().code(),
                        "display", e.content().display() == null ? "" : e.content().display()))));
        treat.setId("treat-" + e.entryId().value().substring(0, Math.min(8, e.entryId().value().length())));
        treat.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return treat;
    }

    private ResponsiveGrid<RecordEntryView> createMyEntries() {
        myEntries.setId("my-entries-grid");
        myEntries.text("Entry", DoctorRecordView::entryText);
        myEntries.text("Category", e -> RecordsUi.category(e.category()));
        myEntries.text("Status", DoctorRecordView::statusText);
        myEntries.text("Patient's comment", e -> e.rejectionComment() == null ? "" : e.rejectionComment());
        myEntries.text("Written", e -> BrowserTime.format(e.createdAt()));
        myEntries.setEmptyStateText("You have written no entries for this patient. What you add with the form above is listed here "
                + "with the patient's decision on it.");
        myEntries.setAllRowsVisible(true);
        return myEntries;
    }

    /**
     * What the doctor wrote, while it is still theirs (waiting for the patient, or rejected). Once in
     * the record it is read like any entry there, under consent and on the ledger's audit, so the
     * list says where it is rather than leaving a blank.
     */
    private static String entryText(RecordEntryView e) {
        if (e.content() != null) {
            return e.content().summary();
        }
        return switch (e.status()) {
            case APPROVED -> "In the patient's record: read it in the record above while your access covers "
                    + RecordsUi.category(e.category()) + " entries";
            case ERASED -> "Erased at the patient's request: its content is gone";
            default -> "";
        };
    }

    private static String statusText(RecordEntryView e) {
        return switch (e.status()) {
            case PENDING_APPROVAL -> "Waiting for the patient";
            case REJECTED -> "Rejected by the patient";
            case APPROVED -> "Approved";
            case ERASED -> "Erased at the patient's request";
        };
    }

    private void refreshMyEntries() {
        ServiceCalls.attempt(() -> myEntries.setItems(records.myEntriesFor(patient)), null);
    }
}
