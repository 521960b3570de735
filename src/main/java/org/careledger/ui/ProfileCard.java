package org.careledger.ui;

import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import org.careledger.common.ui.BrowserTime;
import org.careledger.identity.UserProfile;

/** A user's registered details, every value set as text (never as HTML). */
class ProfileCard extends Div {

    private final FormLayout form = new FormLayout();

    ProfileCard(UserProfile user) {
        addClassName("cl-card");
        setId("profile");
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32em", 2));
        add(new H3(user.fullName()), form);
        row("Role", user.role().label());
        row("Email", user.email());
        row("Mobile", user.mobile());
        if (user.dateOfBirth() != null) {
            row("Date of birth", BrowserTime.format(user.dateOfBirth()));
        }
        if (user.address() != null) {
            row("Address", user.address());
        }
        Span address = row("Ledger address", user.ledgerAddress() == null ? "not yet issued" : user.ledgerAddress().toString());
        address.addClassName("cl-mono");
        address.setId("ledger-address");
    }

    Span row(String label, String value) {
        Span text = new Span(value == null ? "" : value);
        form.addFormItem(text, label);
        return text;
    }
}
