package org.careledger.appointments.ui;

import java.time.ZoneId;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import org.careledger.appointments.AppointmentAdministration;
import org.careledger.appointments.ProviderTerms;
import org.careledger.common.TokenAmount;
import org.careledger.common.ui.FieldErrors;
import org.careledger.common.ui.ServiceCalls;

/**
 * A hospital's booking terms as an admin sets them: the default fee of its doctors who set none, the
 * patients' free cancellation cut-off in hours, and its time zone. The fee and cut-off go to the
 * ledger, signed by the hospital's account; bookings already made keep theirs.
 */
class TermsSection extends VerticalLayout {

    private final AppointmentAdministration administration;
    private final Runnable changed;
    final H3 title = new H3("Terms");
    final TextField fee = new TextField("Default fee (tokens)");
    final IntegerField cutoff = new IntegerField("Free cancellation cut-off (hours)");
    final ComboBox<String> zone = new ComboBox<>("Time zone");
    final Span pending = new Span("A change of terms is on its way to the ledger.");
    private final FieldErrors errors = new FieldErrors();
    private ProviderTerms terms;

    TermsSection(AppointmentAdministration administration, Runnable changed) {
        this.administration = administration;
        this.changed = changed;
        setId("terms-section");
        setPadding(false);
        addClassName("cl-card");
        fee.setId("terms-fee");
        fee.setHelperText("For its doctors who set no fee of their own; blank: none");
        fee.setWidth("min(16em, 100%)");
        cutoff.setId("terms-cutoff");
        cutoff.setMin(0);
        cutoff.setMax(AppointmentAdministration.MAX_CUTOFF_HOURS);
        cutoff.setStepButtonsVisible(true);
        cutoff.setHelperText("Hours before the start, 0 to " + AppointmentAdministration.MAX_CUTOFF_HOURS
                + "; later, the fee goes to the doctor");
        cutoff.setWidth("min(18em, 100%)");
        zone.setId("terms-zone");
        zone.setItems(ZoneId.getAvailableZoneIds().stream().sorted().toList());
        zone.setPlaceholder("Europe/Berlin");
        zone.setHelperText("Its doctors' hours are in it");
        zone.setWidth("min(18em, 100%)");
        errors.bind("defaultFee", fee).bind("cutoff", cutoff).bind("timeZone", zone);
        Button save = new Button("Save terms", e -> save());
        save.setId("terms-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        pending.setId("terms-pending");
        pending.getElement().getThemeList().add("badge");
        pending.setVisible(false);
        HorizontalLayout fields = new HorizontalLayout(fee, cutoff, zone);
        fields.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        fields.getStyle().set("flex-wrap", "wrap");
        add(title, new Paragraph("Bookings already made keep the fee and cut-off they were made with."), fields, save, pending);
    }

    /** Shows the hospital's terms in the form. */
    void show(ProviderTerms t) {
        boolean other = terms == null || terms.providerId() != t.providerId();
        boolean moved = other || !java.util.Objects.equals(terms, t);
        terms = t;
        title.setText("Terms of " + t.providerName());
        if (moved) {
            errors.clear();
            fee.setValue(t.defaultFee() == null ? "" : TokenAmount.format(t.defaultFee()));
            cutoff.setValue((int) (t.cutoffMillis() / 3_600_000));
            zone.setValue(t.timeZone());
        }
        pending.setVisible(t.changeOnItsWay());
    }

    private void save() {
        if (terms == null) {
            return;
        }
        errors.clear();
        if (cutoff.getValue() == null) {
            cutoff.setErrorMessage("Type the hours, 0 to " + AppointmentAdministration.MAX_CUTOFF_HOURS);
            cutoff.setInvalid(true);
            return;
        }
        long id = terms.providerId();
        if (ServiceCalls.attempt(() -> administration.setTerms(id, fee.getValue(), cutoff.getValue(), zone.getValue()), errors)) {
            FieldErrors.Notifications.success("Terms of " + terms.providerName()
                    + " saved; a new fee or cut-off is on its way to the ledger");
            changed.run();
        }
    }
}
