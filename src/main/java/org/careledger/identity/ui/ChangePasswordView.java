package org.careledger.identity.ui;

import jakarta.annotation.security.PermitAll;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import org.careledger.common.InvalidInputException;
import org.careledger.common.ui.FieldErrors;
import org.careledger.identity.AccountSelfService;
import org.careledger.identity.PasswordPolicy;

/**
 * Changing one's own password; the current one is required. Forced after an admin's reset. Every
 * rule is the service's, and all its messages show at once, each at its field.
 */
@Route("account/password")
@PageTitle("Change password · CareLedger")
@PermitAll
class ChangePasswordView extends VerticalLayout {

    private final AccountSelfService selfService;
    final PasswordField current = new PasswordField("Current password");
    final PasswordField next = new PasswordField("New password");
    final PasswordField repeat = new PasswordField("Repeat the new password");
    private final FieldErrors errors = new FieldErrors();

    ChangePasswordView(AccountSelfService selfService) {
        this.selfService = selfService;
        setId("change-password");
        current.setId("currentPassword");
        next.setId("newPassword");
        next.setHelperText("At least " + PasswordPolicy.MIN_LENGTH + " characters; not a common password");
        repeat.setId("repeatPassword");
        errors.bind(AccountSelfService.CURRENT_PASSWORD, current).bind(AccountSelfService.NEW_PASSWORD, next)
                .bind(AccountSelfService.REPEATED_PASSWORD, repeat);
        // the service's rules are the only ones, so every message shows at once and stays
        current.setManualValidation(true);
        next.setManualValidation(true);
        repeat.setManualValidation(true);
        Button save = new Button("Change password", click -> save());
        save.setId("change-password-submit");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H2("Change password"));
        if (selfService.mustChangePassword()) {
            Paragraph forced = new Paragraph("An administrator reset your password. Choose a new one to continue.");
            forced.setId("must-change-notice");
            add(forced);
        }
        FormLayout form = new FormLayout(current, next, repeat);
        form.setMaxWidth("32rem");
        add(form, save);
    }

    private void save() {
        errors.clear();
        try {
            selfService.changePassword(current.getValue(), next.getValue(), repeat.getValue());
        } catch (InvalidInputException invalid) {
            errors.show(invalid);
            return;
        }
        FieldErrors.Notifications.success("Your password was changed");
        UI.getCurrent().navigate("");
    }
}
