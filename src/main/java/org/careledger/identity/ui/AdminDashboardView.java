package org.careledger.identity.ui;

import java.util.Map;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import org.careledger.common.InvalidInputException;
import org.careledger.common.OperationNotAllowedException;
import org.careledger.common.ui.BrowserTime;
import org.careledger.common.ui.FieldErrors;
import org.careledger.identity.AccountAdministration;
import org.careledger.identity.RegistrationAttemptView;
import org.careledger.identity.RegistrationAttempts;
import org.careledger.identity.AppRoles;
import org.careledger.identity.RegistrationRules;
import org.careledger.identity.Role;
import org.careledger.identity.UserProfile;
import org.careledger.provider.ProviderView;
import org.careledger.provider.Providers;

/** The admin's home: how many active users of each role, and the registrations waiting for a decision. */
@Route("admin")
@PageTitle("Approvals · CareLedger")
@Menu(order = 1, title = "Approvals", icon = "vaadin:check-square-o")
@RolesAllowed(AppRoles.ADMIN)
class AdminDashboardView extends VerticalLayout {

    private final AccountAdministration admin;
    private final RegistrationAttempts attempts;
    private final Providers providers;
    private final HorizontalLayout counts = new HorizontalLayout();
    final Grid<UserProfile> queue = new Grid<>(UserProfile.class, false);
    private final H3 queueTitle = new H3();
    final Grid<RegistrationAttemptView> attemptGrid = new Grid<>(RegistrationAttemptView.class, false);
    private final H3 attemptsTitle = new H3("Registrations with an email already in use");

    AdminDashboardView(AccountAdministration admin, RegistrationAttempts attempts, Providers providers) {
        this.admin = admin;
        this.attempts = attempts;
        this.providers = providers;
        setId("admin-home");
        counts.setId("user-counts");
        configureQueue();
        configureAttempts();
        add(new H2("Administration"), counts, queueTitle, queue, attemptsTitle, attemptGrid);
        refresh();
    }

    /**
     * Registrations made with the email of an existing account: the applicant was answered as anyone
     * (so registration tells nobody who is known here); the account's owner was told; an admin looks.
     */
    private void configureAttempts() {
        attemptGrid.setId("registration-attempts");
        attemptGrid.addColumn(a -> BrowserTime.format(a.at())).setHeader("When").setAutoWidth(true);
        attemptGrid.addColumn(RegistrationAttemptView::attemptedName).setHeader("Name given").setAutoWidth(true);
        attemptGrid.addColumn(a -> a.attemptedRole().label()).setHeader("As").setAutoWidth(true);
        attemptGrid.addColumn(a -> a.existingName() + " (" + a.existingUsername() + ")").setHeader("Existing account").setAutoWidth(true);
        attemptGrid.addComponentColumn(a -> {
            Button dismiss = new Button("Dismiss", click -> {
                act(() -> attempts.dismiss(a.id()));
            });
            dismiss.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            dismiss.setId("dismiss-attempt-" + a.id());
            return dismiss;
        }).setHeader("").setAutoWidth(true);
        attemptGrid.setAllRowsVisible(true);
    }

    private void configureQueue() {
        queue.setId("approval-queue");
        queue.addColumn(UserProfile::fullName).setHeader("Name").setAutoWidth(true);
        queue.addColumn(u -> u.role().label()).setHeader("Role").setAutoWidth(true);
        queue.addColumn(UserProfile::email).setHeader("Email").setAutoWidth(true);
        queue.addColumn(this::credentials).setHeader("Registration / policy").setAutoWidth(true);
        queue.addColumn(u -> BrowserTime.format(u.createdAt())).setHeader("Registered").setAutoWidth(true);
        queue.addComponentColumn(this::decisionButtons).setHeader("Decision").setAutoWidth(true);
        queue.setAllRowsVisible(true);
    }

    private String credentials(UserProfile u) {
        if (u.role() == Role.PATIENT) {
            return u.insuranceProvider() + " · " + u.policyNumber();
        }
        String provider = u.providerId() == null ? "" : providers.find(u.providerId()).map(ProviderView::name).orElse("");
        return u.registrationNumber() + " · " + provider;
    }

    private HorizontalLayout decisionButtons(UserProfile user) {
        Button approve = new Button("Approve", click -> {
            act(() -> admin.approve(user.id()));
            FieldErrors.Notifications.success(user.fullName() + " was approved");
        });
        approve.addThemeVariants(ButtonVariant.LUMO_SUCCESS, ButtonVariant.LUMO_SMALL);
        approve.setId("approve-" + user.id().value());
        Button reject = new Button("Reject", click -> openRejectDialog(user));
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
        reject.setId("reject-" + user.id().value());
        return new HorizontalLayout(approve, reject);
    }

    private void openRejectDialog(UserProfile user) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Reject " + user.fullName());
        TextField reason = new TextField("Reason the applicant will see");
        reason.setId("reject-reason");
        reason.setMaxLength(RegistrationRules.MAX_REJECTION_REASON);
        reason.setWidthFull();
        Button confirm = new Button("Reject registration", click -> {
            try {
                admin.reject(user.id(), reason.getValue());
                dialog.close();
                refresh();
            } catch (InvalidInputException invalid) {
                reason.setErrorMessage(invalid.fieldErrors().getOrDefault("reason", invalid.getMessage()));
                reason.setInvalid(true);
            }
        });
        confirm.setId("reject-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR);
        dialog.add(reason);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), confirm);
        dialog.open();
    }

    private void act(Runnable action) {
        try {
            action.run();
        } catch (OperationNotAllowedException e) {
            FieldErrors.Notifications.error(e.getMessage());
        }
        refresh();
    }

    private void refresh() {
        var pending = admin.pendingRegistrations();
        queue.setItems(pending);
        var open = attempts.open();
        attemptGrid.setItems(open);
        attemptsTitle.setVisible(!open.isEmpty());
        attemptGrid.setVisible(!open.isEmpty());
        queueTitle.setText(pending.isEmpty() ? "No registrations waiting" : pending.size() + " registration(s) waiting for approval");
        counts.removeAll();
        for (Map.Entry<Role, Long> e : admin.activeCounts().entrySet()) {
            Div card = new Div(new Span(e.getKey().label() + "s"), new H3(Long.toString(e.getValue())));
            card.addClassName("cl-card");
            card.setId("count-" + e.getKey().name().toLowerCase());
            counts.add(card);
        }
    }
}
