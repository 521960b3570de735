package org.careledger.pharmacy.ui;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import org.careledger.common.InvalidInputException;
import org.careledger.common.ui.BrowserTime;
import org.careledger.common.ui.FieldErrors;
import org.careledger.common.ui.LedgerPolling;
import org.careledger.common.ui.ResponsiveGrid;
import org.careledger.common.ui.ServiceCalls;
import org.careledger.crypto.Address;
import org.careledger.identity.AppRoles;
import org.careledger.pharmacy.CatalogueMedicine;
import org.careledger.pharmacy.MedicineAdvisor;
import org.careledger.pharmacy.MedicineCatalogue;
import org.careledger.pharmacy.Prescribing;
import org.careledger.pharmacy.PrescribingAdvice;
import org.careledger.pharmacy.PrescriptionDraft;
import org.careledger.pharmacy.PrescriptionView;
import org.careledger.pharmacy.PrescriptionWarningsException;
import org.careledger.pharmacy.RxNormCode;
import org.careledger.pharmacy.RxState;
import org.careledger.records.EntryRules;
import org.careledger.records.PatientCodes;

/**
 * Prescribing for one patient, from their record: the form (medicine from the catalogue, directions,
 * quantity, refills, validity, the diagnosis treated), the warnings the checks raise before signing
 * (and the reason the doctor must then type), and the prescriptions this doctor wrote for the
 * patient, with their state on the ledger and a way to cancel one. The indication may come from the
 * record's diagnosis the doctor chose there (query parameters {@code system}, {@code code},
 * {@code display}).
 */
@Route("doctor/prescribe/:" + PrescribeView.ADDRESS)
@PageTitle("Prescribe · CareLedger")
@RolesAllowed(AppRoles.DOCTOR)
class PrescribeView extends VerticalLayout implements BeforeEnterObserver {

    static final String ADDRESS = "address";

    private final Prescribing prescribing;
    private final MedicineCatalogue catalogue;
    private final H2 title = new H2("Prescribe");
    private final VerticalLayout content = new VerticalLayout();
    final ComboBox<CatalogueMedicine> medicine = new ComboBox<>("Medicine");
    final TextField dose = new TextField("Dose");
    final Select<String> route = new Select<>();
    final TextField frequency = new TextField("Frequency");
    final IntegerField duration = new IntegerField("Duration (days)");
    final IntegerField quantity = new IntegerField("Quantity per fill");
    final IntegerField refills = new IntegerField("Refills");
    final IntegerField validity = new IntegerField("Valid for (days)");
    final TextField instructions = new TextField("Instructions for the patient (optional)");
    final Select<String> indicationSystem = new Select<>();
    final TextField indicationCode = new TextField("Diagnosis code");
    final TextField indicationDisplay = new TextField("Diagnosis");
    final Div warnings = new Div();
    final Div suggestions = new Div();
    private String adviceId;
    final TextArea overrideReason = new TextArea("Your reason to prescribe it anyway");
    final Button submit = new Button("Sign and prescribe");
    final ResponsiveGrid<PrescriptionView> mine = new ResponsiveGrid<>();
    private final FieldErrors errors = new FieldErrors();
    private final LedgerPolling polling;
    private Address patient;

    PrescribeView(Prescribing prescribing, MedicineCatalogue catalogue) {
        this.prescribing = prescribing;
        this.catalogue = catalogue;
        setId("prescribe-view");
        title.getStyle().set("overflow-wrap", "anywhere");
        content.setPadding(false);
        add(title, content);
        polling = new LedgerPolling(this, this::refreshMine);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        content.removeAll();
        try {
            patient = PatientCodes.fromTyped(event.getRouteParameters().get(ADDRESS).orElse(""));
        } catch (InvalidInputException e) {
            content.add(new Paragraph("This is not a patient address: " + e.fieldErrors().values().iterator().next()));
            return;
        }
        var query = event.getLocation().getQueryParameters();
        Anchor back = new Anchor("doctor/patients/" + patient, "Back to the patient's record");
        back.setId("rx-back");
        back.getElement().setAttribute("router-link", true);
        title.setText("Prescribe for patient " + patient);
        boolean[] may = new boolean[1];
        if (!ServiceCalls.attempt(() -> may[0] = prescribing.mayPrescribe(patient), null) || !may[0]) {
            Paragraph no = new Paragraph("You may prescribe only while the patient's consent covers their medication, "
                    + "or during an emergency access. Ask the patient for access to MEDICATION from their record.");
            no.setId("rx-no-consent");
            content.add(no, back);
            return;
        }
        content.add(back, createForm(), new H3("Prescriptions you wrote for this patient"), createMine());
        query.getSingleParameter("code").ifPresent(indicationCode::setValue);
        query.getSingleParameter("display").ifPresent(indicationDisplay::setValue);
        query.getSingleParameter("system").filter(s -> s.equals(EntryRules.ICD10) || s.equals(EntryRules.SNOMED))
                .ifPresent(indicationSystem::setValue);
        refreshSuggestions();
        refreshMine();
    }

    private VerticalLayout createForm() {
        medicine.setId("rx-medicine");
        medicine.setItemLabelGenerator(CatalogueMedicine::label);
        medicine.setItems(q -> catalogue.prescribable(q.getFilter().orElse(""), q.getOffset() + q.getLimit()).stream().skip(q.getOffset()));
        medicine.setPlaceholder("Type a name or an RxNorm code");
        medicine.setHelperText("Withdrawn medicines are not offered");
        medicine.addValueChangeListener(e -> checkWarnings());
        dose.setId("rx-dose");
        dose.setPlaceholder("1 tablet");
        route.setId("rx-route");
        route.setLabel("Route");
        route.setItems(PrescriptionDraft.ROUTES);
        route.setValue("Oral");
        frequency.setId("rx-frequency");
        frequency.setPlaceholder("twice a day");
        duration.setId("rx-duration");
        duration.setMin(1);
        duration.setMax(366);
        quantity.setId("rx-quantity");
        quantity.setMin(1);
        quantity.setHelperText("Units one fill dispenses");
        refills.setId("rx-refills");
        refills.setMin(0);
        refills.setMax(5);
        refills.setValue(0);
        refills.setStepButtonsVisible(true);
        validity.setId("rx-validity");
        validity.setMin(1);
        validity.setMax(366);
        validity.setValue(PrescriptionDraft.DEFAULT_VALIDITY_DAYS);
        instructions.setId("rx-instructions");
        indicationSystem.setId("rx-indication-system");
        indicationSystem.setLabel("Code system");
        indicationSystem.setItems(EntryRules.ICD10, EntryRules.SNOMED);
        indicationSystem.setValue(EntryRules.ICD10);
        indicationCode.setId("rx-indication-code");
        indicationCode.setPlaceholder("J02.9");
        indicationDisplay.setId("rx-indication-display");
        indicationDisplay.setPlaceholder("Acute pharyngitis");
        indicationSystem.addValueChangeListener(e -> refreshSuggestions());
        indicationCode.addValueChangeListener(e -> refreshSuggestions());
        suggestions.setId("rx-suggestions");
        suggestions.setVisible(false);
        suggestions.setWidthFull();
        warnings.setId("rx-warnings");
        warnings.setVisible(false);
        warnings.getElement().setAttribute("role", "alert");
        warnings.getStyle().set("color", "var(--lumo-error-text-color)");
        overrideReason.setId("rx-override-reason");
        overrideReason.setVisible(false);
        overrideReason.setMaxLength(500);
        overrideReason.setWidthFull();
        errors.bind("medicine", medicine).bind("dose", dose).bind("route", route).bind("frequency", frequency)
                .bind("durationDays", duration).bind("quantity", quantity).bind("refills", refills).bind("validityDays", validity)
                .bind("instructions", instructions).bind("indicationSystem", indicationSystem).bind("indicationCode", indicationCode)
                .bind("indicationDisplay", indicationDisplay).bind("overrideReason", overrideReason);
        FormLayout form = new FormLayout(medicine, dose, route, frequency, duration, quantity, refills, validity, instructions,
                indicationSystem, indicationCode, indicationDisplay);
        form.setColspan(medicine, 2);
        form.setColspan(instructions, 2);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        submit.setId("rx-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickListener(e -> prescribe());
        Paragraph note = new Paragraph("The prescription joins the patient's record at once, signed with your key on the ledger; "
                + "the patient sees it with a QR code to show at any pharmacy.");
        VerticalLayout box = new VerticalLayout(new H3("New prescription"), note, form, suggestions, warnings, overrideReason, submit);
        box.setPadding(false);
        box.addClassName("cl-card");
        return box;
    }

    /** Decision support for the diagnosis typed: refreshed whenever its code or code system changes. */
    private void refreshSuggestions() {
        if (patient == null || indicationCode.isEmpty()) {
            adviceId = null;
            suggestions.setVisible(false);
            return;
        }
        ServiceCalls.attempt(() -> showSuggestions(prescribing.advise(patient, indicationSystem.getValue(), indicationCode.getValue())), null);
    }

    private void showSuggestions(PrescribingAdvice advice) {
        adviceId = advice.adviceId();
        suggestions.removeAll();
        suggestions.setVisible(!advice.suggestions().isEmpty() || advice.note() != null);
        suggestions.add(new H3("Decision support: suggestions, not decisions"));
        if (advice.suggestions().isEmpty()) {
            Paragraph none = new Paragraph(advice.note() != null ? advice.note() : "No suggestion for this diagnosis.");
            none.setId("rx-suggestions-none");
            suggestions.add(none);
        }
        UnorderedList list = new UnorderedList();
        int i = 0;
        for (MedicineAdvisor.Suggestion s : advice.suggestions()) {
            Button use = new Button("Use this", e -> catalogue.find(new RxNormCode(s.rxnorm())).ifPresent(medicine::setValue));
            use.setId("rx-suggestion-use-" + i);
            use.addThemeVariants(ButtonVariant.LUMO_SMALL);
            Span name = new Span(s.name());
            name.getStyle().set("font-weight", "600");
            Span confidence = new Span(" · confidence " + Math.round(s.confidence() * 100) + " %");
            Paragraph evidence = new Paragraph(s.evidence());
            evidence.getStyle().set("margin", "0").set("color", "var(--lumo-secondary-text-color)");
            ListItem item = new ListItem(name, confidence, evidence, use);
            item.setId("rx-suggestion-" + i++);
            list.add(item);
        }
        if (!advice.suggestions().isEmpty()) {
            suggestions.add(list);
        }
        if (!advice.leftOut().isEmpty()) {
            UnorderedList out = new UnorderedList();
            out.setId("rx-left-out");
            advice.leftOut().forEach(l -> out.add(new ListItem(l)));
            suggestions.add(new Paragraph("Not suggested, for this patient:"), out);
        }
        if (advice.modelVersion() != null) {
            Paragraph model = new Paragraph("Ranked by model " + advice.modelVersion() + ". You decide: pick one, or prescribe another.");
            model.getStyle().set("font-size", "var(--lumo-font-size-s)");
            suggestions.add(model);
        }
    }

    private void checkWarnings() {
        CatalogueMedicine m = medicine.getValue();
        if (m == null) {
            showWarnings(List.of());
            return;
        }
        ServiceCalls.attempt(() -> showWarnings(prescribing.warnings(patient, m.code().value())), null);
    }

    private void showWarnings(List<String> found) {
        warnings.removeAll();
        warnings.setVisible(!found.isEmpty());
        overrideReason.setVisible(!found.isEmpty());
        if (!found.isEmpty()) {
            UnorderedList list = new UnorderedList();
            found.forEach(w -> list.add(new ListItem(w)));
            warnings.add(new Paragraph("Before you sign:"), list,
                    new Paragraph("To prescribe it anyway, type your reason below; it is kept with the prescription."));
        }
    }

    private PrescriptionDraft draft() {
        CatalogueMedicine m = medicine.getValue();
        return new PrescriptionDraft(m == null ? null : m.code().value(), dose.getValue(), route.getValue(), frequency.getValue(),
                duration.getValue(), quantity.getValue() == null ? null : quantity.getValue().longValue(), refills.getValue(),
                validity.getValue(), instructions.getValue(), indicationSystem.getValue(), indicationCode.getValue(),
                indicationDisplay.getValue(), overrideReason.isVisible() ? overrideReason.getValue() : null);
    }

    private void prescribe() {
        errors.clear();
        try {
            PrescriptionView written = prescribing.prescribe(patient, draft(), adviceId);
            FieldErrors.Notifications.success("Prescribed " + written.medicineName() + ": on its way to the ledger");
            medicine.clear();
            dose.clear();
            frequency.clear();
            duration.clear();
            quantity.clear();
            instructions.clear();
            overrideReason.clear();
            showWarnings(List.of());
            refreshMine();
        } catch (PrescriptionWarningsException e) {
            showWarnings(e.warnings());
            overrideReason.setInvalid(true);
            overrideReason.setErrorMessage("Type your reason (at least 5 characters), or change the prescription");
        } catch (RuntimeException e) {
            ServiceCalls.attempt(() -> {
                throw e;
            }, errors);
        }
    }

    private ResponsiveGrid<PrescriptionView> createMine() {
        mine.setId("rx-mine");
        mine.text("Medicine", PrescriptionView::medicineName);
        mine.component("State", PharmacyUi::stateBadge);
        mine.text("Quantity", PharmacyUi::quantities);
        mine.text("Written", p -> BrowserTime.format(p.writtenAt()) + (p.issuedBlock() == null ? "" : " · block " + p.issuedBlock()));
        mine.actions("", this::cancelButton);
        mine.setEmptyStateText("You have written no prescriptions for this patient yet.");
        mine.setAllRowsVisible(true);
        return mine;
    }

    private com.vaadin.flow.component.Component cancelButton(PrescriptionView p) {
        if (!(p.state().dispensable())) {
            return new Div();
        }
        Button cancel = new Button("Cancel", e -> new CancelPrescriptionDialog(prescribing, p, this::refreshMine).open());
        cancel.setId("rx-cancel-" + p.shortId());
        cancel.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        return cancel;
    }

    private void refreshMine() {
        if (patient == null) {
            return;
        }
        ServiceCalls.attempt(() -> {
            List<PrescriptionView> rows = prescribing.mineFor(patient);
            mine.setItems(rows);
            polling.pendingIf(rows.stream().anyMatch(p -> p.state() == RxState.ON_ITS_WAY || p.cancelReason() != null
                    && p.state() != RxState.CANCELLED));
        }, null);
    }
}
