package org.careledger.records.ui;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import org.careledger.common.ui.FieldErrors;
import org.careledger.common.ui.ServiceCalls;
import org.careledger.contracts.RecordCategory;
import org.careledger.records.AccessRequestView;
import org.careledger.records.PatientConsent;

/** Approves a request as asked, or narrower: fewer categories, a shorter time. */
class GrantDialog extends Dialog {

    final Button grantButton;

    final CheckboxGroup<RecordCategory> categories = new CheckboxGroup<>("Share these records");
    final Select<Duration> duration = new Select<>();

    GrantDialog(PatientConsent consents, AccessRequestView request, Runnable afterDecision) {
        setId("grant-dialog");
        setHeaderTitle("Approve " + request.doctor().nameOrAddress() + "'s request");
        RecordsUi.fitToScreen(this);
        categories.setId("grant-categories");
        categories.setItems(request.categories().stream().sorted().toList());
        categories.setItemLabelGenerator(RecordsUi::category);
        categories.setValue(request.categories());
        duration.setLabel("For");
        duration.setWidthFull();
        categories.setWidthFull();
        duration.setId("grant-duration");
        duration.setItems(choices(request.duration()));
        duration.setItemLabelGenerator(RecordsUi::duration);
        duration.setValue(request.duration());
        FieldErrors errors = new FieldErrors().bind("categories", categories).bind("duration", duration);
        grantButton = new Button("Grant access", click -> {
            if (ServiceCalls.attempt(() -> consents.grant(request.requestId(), Set.copyOf(categories.getValue()), duration.getValue()), errors)) {
                close();
                FieldErrors.Notifications.success("Access granted; your decision is on its way to the ledger");
                afterDecision.run();
            }
        });
        grantButton.setId("grant-confirm-button");
        grantButton.addThemeVariants(ButtonVariant.LUMO_SUCCESS, ButtonVariant.LUMO_PRIMARY);
        add(new Paragraph("You can share less than was asked for, or for a shorter time."), categories, duration);
        getFooter().add(new Button("Cancel", click -> close()), grantButton);
    }

    /** The usual durations no longer than asked, and the asked duration itself. */
    private static List<Duration> choices(Duration asked) {
        List<Duration> out = new ArrayList<>(RecordsUi.DURATIONS.stream().filter(d -> d.compareTo(asked) < 0).toList());
        out.add(asked);
        return out;
    }
}
