package org.careledger.pharmacy.ui;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import org.careledger.common.ui.BoundedUpload;
import org.careledger.common.ui.BrowserTime;
import org.careledger.common.ui.FieldErrors;
import org.careledger.common.ui.LedgerPolling;
import org.careledger.common.ui.ResponsiveGrid;
import org.careledger.common.ui.ServiceCalls;
import org.careledger.identity.AppRoles;
import org.careledger.pharmacy.Dispensary;
import org.careledger.pharmacy.PrescriptionView;
import org.careledger.records.PatientCodes;

/**
 * The pharmacist's home: their pharmacy's work queue (the prescriptions patients sent to it, and
 * those scanned here), still-to-dispense first, and the scanner: a photo of the patient's QR code
 * (the same limits and messages as the doctor's patient look-up) or its text, typed by a scanner or
 * pasted. Opening a prescription is a read, recorded on the ledger.
 */
@Route("pharmacist")
@PageTitle("Dispensary · CareLedger")
@Menu(order = 0, title = "Prescriptions", icon = "vaadin:pill")
@RolesAllowed(AppRoles.PHARMACIST)
class DispensaryView extends VerticalLayout {

    private final Dispensary dispensary;
    final TextField code = new TextField("Prescription QR code text");
    final ResponsiveGrid<PrescriptionView> queue = new ResponsiveGrid<>();
    private final FieldErrors errors = new FieldErrors();
    private final LedgerPolling polling;

    DispensaryView(Dispensary dispensary) {
        this.dispensary = dispensary;
        setId("pharmacist-home");
        H2 title = new H2("Prescriptions to dispense");
        ServiceCalls.attempt(() -> title.setText("Prescriptions to dispense · " + dispensary.pharmacyName()), null);
        add(title, createScanner(), new H3("Work queue"), createQueue());
        polling = new LedgerPolling(this, this::refresh);
        refresh();
    }

    private VerticalLayout createScanner() {
        Span uploadError = new Span();
        uploadError.setId("scan-error");
        uploadError.getStyle().set("color", "var(--lumo-error-text-color)");
        Upload upload = BoundedUpload.create(PatientCodes.MAX_BYTES, (metadata, bytes) -> {
            uploadError.setText("");
            ServiceCalls.attempt(() -> open(dispensary.openScanned(bytes)), null);
        }, () -> uploadError.setText(PatientCodes.TOO_LARGE), uploadError::setText);
        upload.setId("scan-upload");
        upload.setAcceptedFileTypes("image/png", "image/jpeg", ".png", ".jpg", ".jpeg");
        upload.setUploadButton(new Button("Upload QR code"));
        upload.setDropLabel(new Span("or drop a photo of the prescription's QR code here (PNG or JPEG, at most 5 MB)"));
        upload.addSucceededListener(e -> upload.clearFileList());
        code.setId("scan-code");
        code.setPlaceholder("careledger:rx:…");
        code.setWidth("min(36em, 100%)");
        errors.bind("patientCode", code);
        Button openCode = new Button("Open", e -> ServiceCalls.attempt(() -> open(dispensary.openCode(code.getValue())), errors));
        openCode.setId("scan-open");
        openCode.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout typed = new HorizontalLayout(code, openCode);
        typed.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        typed.getStyle().set("flex-wrap", "wrap");
        VerticalLayout box = new VerticalLayout(new H3("Scan a prescription"),
                new Paragraph("The patient shows the QR code their portal gives each prescription. It opens that prescription, "
                        + "and only that one, to your pharmacy."), upload, uploadError, typed);
        box.setPadding(false);
        box.addClassName("cl-card");
        return box;
    }

    private ResponsiveGrid<PrescriptionView> createQueue() {
        queue.setId("dispensary-queue");
        queue.text("Patient", PrescriptionView::patientName);
        queue.text("Medicine", PrescriptionView::medicineName);
        queue.component("State", PharmacyUi::stateBadge);
        queue.text("Quantity", PharmacyUi::quantities);
        queue.text("Valid until", p -> p.expiresAt() == null ? "" : BrowserTime.format(p.expiresAt()));
        queue.text("Fills", p -> p.fills().isEmpty() ? "None yet" : p.fills().get(0).describe());
        queue.actions("", p -> {
            Button openIt = new Button("Open", e -> open(p.id()));
            openIt.setId("queue-open-" + p.shortId());
            openIt.addThemeVariants(ButtonVariant.LUMO_SMALL);
            return openIt;
        });
        queue.setEmptyStateText("No prescriptions for your pharmacy yet. They appear here when a patient sends one to your pharmacy "
                + "or when you scan a patient's QR code.");
        queue.setAllRowsVisible(true);
        return queue;
    }

    private void open(String prescriptionId) {
        UI.getCurrent().navigate("pharmacist/prescriptions/" + prescriptionId);
    }

    private void refresh() {
        ServiceCalls.attempt(() -> {
            var rows = dispensary.queue();
            queue.setItems(rows);
            polling.pendingIf(rows.stream().anyMatch(PharmacyUi::waiting));
        }, null);
    }
}
