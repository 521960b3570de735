package org.careledger.records.ui;

import java.time.Duration;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import org.careledger.common.ui.FieldErrors;
import org.careledger.common.ui.ServiceCalls;
import org.careledger.contracts.Purpose;
import org.careledger.contracts.RecordCategory;
import org.careledger.crypto.Address;
import org.careledger.outbox.LedgerReceipt;
import org.careledger.records.ConsentLimits;
import org.careledger.records.DoctorConsent;
import org.careledger.records.RecordLabels;

/** A doctor's request for access: why, to what, for how long, and an optional note kept off chain. */
class RequestAccessForm extends VerticalLayout {

    final Select<Purpose> purpose = new Select<>();
    final CheckboxGroup<RecordCategory> categories = new CheckboxGroup<>("Records");
    final Select<Duration> duration = new Select<>();
    final TextArea note = new TextArea("Note for the patient (optional)");
    private final FieldErrors errors = new FieldErrors();

    RequestAccessForm(DoctorConsent consents, Supplier<Address> patient, Consumer<LedgerReceipt> afterSent) {
        setId("request-form");
        setPadding(false);
        purpose.setLabel("Purpose");
        purpose.setId("request-purpose");
        purpose.setItems(Purpose.values());
        purpose.setItemLabelGenerator(RecordLabels::purpose);
        purpose.setValue(Purpose.TREATMENT);
        purpose.setHelperText("The patient sees why you ask; the grant records it.");
        categories.setId("request-categories");
        categories.setHelperText("Ask only for what you need; the patient may share fewer kinds of record, or for a shorter time.");
        categories.setItems(RecordCategory.values());
        categories.setItemLabelGenerator(RecordsUi::category);
        duration.setLabel("For");
        duration.setId("request-duration");
        duration.setItems(RecordsUi.DURATIONS);
        duration.setItemLabelGenerator(RecordsUi::duration);
        duration.setValue(Duration.ofDays(7));
        note.setId("request-note");
        note.setHelperText("The patient reads it with your request; it is kept off the ledger.");
        note.setWidthFull();
        note.setMaxLength(ConsentLimits.MAX_NOTE);
        errors.bind("purpose", purpose).bind("categories", categories).bind("duration", duration).bind("note", note);
        Button request = new Button("Request access", click -> {
            LedgerReceipt[] sent = new LedgerReceipt[1];
            if (ServiceCalls.attempt(() -> sent[0] = consents.requestAccess(patient.get(), purpose.getValue(),
                    Set.copyOf(categories.getValue()), duration.getValue(), note.getValue()), errors)) {
                FieldErrors.Notifications.success("Your request was sent to the patient");
                categories.clear();
                note.clear();
                afterSent.accept(sent[0]);
            }
        });
        request.setId("request-access-button");
        request.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(purpose, duration, categories, note);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
        form.setColspan(categories, 2);
        form.setColspan(note, 2);
        add(new H3("Ask for access"), form, request);
    }
}
