package org.careledger.appointments.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import org.careledger.appointments.DoctorAppointments;
import org.careledger.appointments.DoctorSettings;
import org.careledger.common.TokenAmount;
import org.careledger.common.ui.FieldErrors;
import org.careledger.common.ui.ServiceCalls;

/**
 * A doctor's consultation fee: their own, in tokens, or their hospital's default (shown, and offered
 * only when the hospital has one). A change goes to the ledger; bookings already made keep their fee.
 */
class FeeSection extends VerticalLayout {

    enum Choice { OWN, HOSPITAL_DEFAULT }

    private final DoctorAppointments appointments;
    private final Runnable changed;
    final Paragraph current = new Paragraph();
    final RadioButtonGroup<Choice> choice = new RadioButtonGroup<>("I charge");
    final TextField tokens = new TextField("My fee (tokens)");
    final Span pending = new Span("A change of fee is on its way to the ledger.");
    private final FieldErrors errors = new FieldErrors();
    private Long defaultFee;
    private DoctorSettings shown;

    FeeSection(DoctorAppointments appointments, Runnable changed) {
        this.appointments = appointments;
        this.changed = changed;
        setId("availability-fee");
        setPadding(false);
        addClassName("cl-card");
        current.setId("fee-current");
        choice.setId("fee-choice");
        choice.setItems(Choice.values());
        choice.setItemLabelGenerator(this::label);
        choice.setItemEnabledProvider(c -> c == Choice.OWN || defaultFee != null);
        choice.addValueChangeListener(e -> tokens.setVisible(e.getValue() != Choice.HOSPITAL_DEFAULT));
        tokens.setId("fee-tokens");
        tokens.setPlaceholder("25");
        tokens.setHelperText("Up to six decimals, such as 12.5");
        tokens.setWidth("12em");
        errors.bind("fee", tokens);
        Button save = new Button("Save fee", e -> save());
        save.setId("fee-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        pending.setId("fee-pending");
        pending.getElement().getThemeList().add("badge");
        pending.setVisible(false);
        HorizontalLayout fields = new HorizontalLayout(choice, tokens);
        fields.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        fields.getStyle().set("flex-wrap", "wrap");
        add(new H3("Consultation fee"), current, fields, save, pending,
                new Paragraph("Patients see the fee before they book. Bookings already made keep the fee they were made with."));
    }

    private String label(Choice c) {
        return c == Choice.OWN ? "My own fee" : "My hospital's default" + (defaultFee == null ? " (it has none)"
                : " (" + AppointmentsUi.tokens(defaultFee) + ")");
    }

    void show(DoctorSettings settings) {
        defaultFee = settings.defaultFee();
        choice.getDataProvider().refreshAll();
        if (settings.ownFee() != null) {
            current.setText("You charge your own fee: " + AppointmentsUi.tokens(settings.ownFee()) + ".");
        } else if (settings.defaultFee() != null) {
            current.setText("You charge your hospital's default fee: " + AppointmentsUi.tokens(settings.defaultFee()) + ".");
        } else {
            current.setText("You have no fee, and your hospital has no default: patients cannot book you until you set one.");
        }
        // the form is set afresh only when the fees changed, not at every poll while the doctor types
        if (shown == null || !java.util.Objects.equals(shown.ownFee(), settings.ownFee())
                || !java.util.Objects.equals(shown.defaultFee(), settings.defaultFee())) {
            choice.setValue(settings.ownFee() == null && settings.defaultFee() != null ? Choice.HOSPITAL_DEFAULT : Choice.OWN);
            tokens.setValue(settings.ownFee() == null ? "" : TokenAmount.format(settings.ownFee()));
        }
        pending.setVisible(settings.feeChangeOnItsWay());
        shown = settings;
    }

    private void save() {
        errors.clear();
        boolean own = choice.getValue() != Choice.HOSPITAL_DEFAULT;
        if (own && tokens.getValue().isBlank()) {
            tokens.setErrorMessage("Type your fee in tokens, such as 25 or 12.5");
            tokens.setInvalid(true);
            return;
        }
        if (ServiceCalls.attempt(() -> appointments.setFee(own ? tokens.getValue() : ""), errors)) {
            FieldErrors.Notifications.success("Fee on its way to the ledger");
            changed.run();
        }
    }
}
