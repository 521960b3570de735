package org.careledger.records.ui;


import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import org.careledger.common.ui.BoundedUpload;
import org.careledger.common.ui.BrowserTime;
import org.careledger.common.ui.FieldErrors;
import org.careledger.common.ui.LedgerPolling;
import org.careledger.common.ui.ResponsiveGrid;
import org.careledger.common.ui.ServiceCalls;
import org.careledger.crypto.Address;
import org.careledger.identity.AppRoles;
import org.careledger.outbox.LedgerReceipt;
import org.careledger.records.DoctorConsent;
import org.careledger.records.GrantView;
import org.careledger.records.InvalidPatientCodeException;
import org.careledger.records.PatientCodes;
import org.careledger.records.PatientLookup;
import org.careledger.records.RecordLabels;

/**
 * A doctor finds a patient by their QR code (an uploaded photo or PNG) or typed address, sees only
 * the address and where their access stands, asks for access or declares an emergency, and lists
 * the patients whose grants are in force.
 */
@Route("doctor/patients")
@PageTitle("My patients · CareLedger")
@Menu(order = 2, title = "My patients", icon = "vaadin:records")
@RolesAllowed(AppRoles.DOCTOR)
class DoctorPatientsView extends VerticalLayout implements BeforeEnterObserver {

    private final DoctorConsent consents;
    final TextField addressField = new TextField("Patient's ledger address");
    final Div lookupPanel = new Div();
    final Span lookupAddress = new Span();
    final Span lookupState = new Span();
    final Span receipt = new Span();
    final ResponsiveGrid<GrantView> patients = new ResponsiveGrid<>();
    final RequestAccessForm requestForm;
    private final HorizontalLayout accessActions = new HorizontalLayout();
    private final Div emergencySection = new Div();
    private final ErrorLabel uploadError = new ErrorLabel("patient-code-upload-error");
    private final FieldErrors typedErrors = new FieldErrors().bind(InvalidPatientCodeException.FIELD, addressField);
    private final FieldErrors uploadErrors = new FieldErrors().bind(InvalidPatientCodeException.FIELD, uploadError);
    private final LedgerPolling polling;
    private Address current;
    private LedgerReceipt lastReceipt;

    DoctorPatientsView(DoctorConsent consents) {
        this.consents = consents;
        this.polling = new LedgerPolling(this, this::refresh);
        this.requestForm = new RequestAccessForm(consents, () -> current, sent -> {
            lastReceipt = sent;
            refresh();
        });
        setId("doctor-patients");
        add(new H2("My patients"), createFinder(), createLookupPanel(), new H3("Patients who granted you access"), createPatientsGrid());
        refreshPatients();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("address").ifPresent(a -> {
            addressField.setValue(a);
            findTyped();
        });
    }

    private VerticalLayout createFinder() {
        Upload upload = BoundedUpload.create(PatientCodes.MAX_BYTES, (metadata, bytes) -> findUploaded(bytes),
                () -> showUploadError(PatientCodes.TOO_LARGE), this::showUploadError);
        upload.setId("patient-code-upload");
        upload.setAcceptedFileTypes("image/png", "image/jpeg", ".png", ".jpg", ".jpeg");
        upload.setUploadButton(new Button("Upload QR code"));
        upload.setDropLabel(new Span("or drop a photo of the patient's QR code here (PNG or JPEG, at most 5 MB)"));
        upload.addSucceededListener(e -> upload.clearFileList());

        addressField.setId("patient-address-field");
        addressField.setPlaceholder("0x…");
        addressField.setWidth("min(32em, 100%)");
        addressField.setHelperText("0x and 40 characters 0-9 and a-f, as shown under the patient's QR code");
        Button find = new Button("Find patient", click -> findTyped());
        find.setId("find-patient-button");
        find.addClickShortcut(Key.ENTER).listenOn(addressField);
        HorizontalLayout typed = new HorizontalLayout(addressField, find);
        typed.setAlignItems(Alignment.BASELINE);
        typed.getStyle().set("flex-wrap", "wrap");
        typed.setWidthFull();
        VerticalLayout finder = new VerticalLayout(new Paragraph("Find a patient by their CareLedger QR code (on their home page) "
                + "or by their ledger address."),
                upload, uploadError, typed);
        finder.setPadding(false);
        return finder;
    }

    private Div createLookupPanel() {
        lookupPanel.setId("patient-lookup");
        lookupPanel.addClassName("cl-card");
        lookupAddress.setId("lookup-address");
        lookupAddress.addClassName("cl-mono");
        lookupAddress.getStyle().set("overflow-wrap", "anywhere");
        lookupState.setId("lookup-state");
        receipt.setId("request-receipt");
        emergencySection.setId("emergency-section");
        emergencySection.addClassName("emergency-section");
        lookupPanel.add(new Div(new Span("Patient: "), lookupAddress), new Div(lookupState), receipt, accessActions, requestForm,
                emergencySection);
        lookupPanel.setVisible(false);
        return lookupPanel;
    }

    private ResponsiveGrid<GrantView> createPatientsGrid() {
        patients.setId("my-patients-grid");
        patients.text("Patient", g -> g.patient().nameOrAddress());
        patients.text("Records", g -> RecordsUi.categories(g.categories()));
        patients.text("Purpose", g -> RecordLabels.purpose(g.purpose()));
        patients.text("Until", g -> BrowserTime.format(g.end()));
        patients.actions("", g -> new RouterLink("Open record", DoctorRecordView.class,
                new RouteParameters(DoctorRecordView.ADDRESS, g.patient().address().toString())));
        patients.setEmptyStateText("No patient has given you access at the moment. Find a patient above by their QR code or "
                + "address and ask for access; once they approve, they are listed here until the grant ends.");
        patients.setAllRowsVisible(true);
        return patients;
    }

    private void findTyped() {
        ServiceCalls.attempt(() -> show(PatientCodes.fromTyped(addressField.getValue())), typedErrors);
    }

    private void findUploaded(byte[] bytes) {
        uploadErrors.clear();
        ServiceCalls.attempt(() -> show(PatientCodes.fromUpload(bytes)), uploadErrors);
    }

    private void showUploadError(String message) {
        uploadError.setErrorMessage(message);
        uploadError.setInvalid(true);
    }

    private void show(Address patient) {
        current = patient;
        lastReceipt = null;
        addressField.setValue(patient.toString());
        typedErrors.clear();
        uploadErrors.clear();
        refresh();
    }

    private void refresh() {
        refreshPatients();
        if (current == null) {
            polling.pendingIf(false);
            return;
        }
        lastReceipt = lastReceipt == null ? null : consents.refresh(lastReceipt);
        PatientLookup[] found = new PatientLookup[1];
        Address patient = current;
        if (!ServiceCalls.attempt(() -> found[0] = consents.lookup(patient), null)) {
            polling.pendingIf(false);
            return;
        }
        PatientLookup lookup = found[0];
        showLookup(lookup);
        polling.pendingIf(RecordsUi.inFlight(lastReceipt) || lookup.state() == PatientLookup.AccessState.REQUEST_PENDING);
    }

    private void showLookup(PatientLookup lookup) {
        lookupPanel.setVisible(true);
        lookupAddress.setText(lookup.address().toString());
        lookupState.setText(stateText(lookup));
        lookupState.getElement().setAttribute("data-state", lookup.registeredPatient() ? lookup.state().name() : "UNKNOWN_PATIENT");
        receipt.setText(lastReceipt == null ? "" : "Your request — " + RecordsUi.ledgerStatus(lastReceipt));
        requestForm.setVisible(lookup.registeredPatient() && lookup.state() == PatientLookup.AccessState.NO_ACCESS);
        accessActions.removeAll();
        emergencySection.removeAll();
        if (!lookup.registeredPatient()) {
            return;
        }
        Address patient = current;
        if (lookup.state() == PatientLookup.AccessState.GRANTED || lookup.state() == PatientLookup.AccessState.EMERGENCY) {
            Button open = new Button("Open record", click -> UI.getCurrent().navigate(DoctorRecordView.class,
                    new RouteParameters(DoctorRecordView.ADDRESS, patient.toString())));
            open.setId("open-record-button");
            open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            accessActions.add(open);
        }
        if (lookup.state() != PatientLookup.AccessState.EMERGENCY) {
            emergencySection.add(EmergencyDialog.section(consents, patient, this::refresh));
        }
    }

    private static String stateText(PatientLookup lookup) {
        if (!lookup.registeredPatient()) {
            return "No registered patient has this address";
        }
        return switch (lookup.state()) {
            case NO_ACCESS -> "No access: ask the patient for access";
            case REQUEST_PENDING -> "Request pending: waiting for the patient's decision";
            case GRANTED -> "Access granted to " + RecordsUi.categories(lookup.categories()) + " until " + BrowserTime.format(lookup.until());
            case EMERGENCY -> "Emergency access until " + BrowserTime.format(lookup.until());
        };
    }

    private void refreshPatients() {
        ServiceCalls.attempt(() -> patients.setItems(consents.myPatients()), null);
    }
}
