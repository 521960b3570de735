package org.careledger.identity.ui;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import org.careledger.common.InvalidInputException;
import org.careledger.common.NotFoundException;
import org.careledger.common.OperationNotAllowedException;
import org.careledger.common.ui.BrowserTime;
import org.careledger.common.ui.FieldErrors;
import org.careledger.common.ui.ResponsiveGrid;
import org.careledger.identity.AccountAdministration;
import org.careledger.identity.AppRoles;
import org.careledger.identity.RegistrationAttemptView;
import org.careledger.identity.RegistrationAttempts;
import org.careledger.identity.RegistrationRules;
import org.careledger.identity.Role;
import org.careledger.identity.UserProfile;
import org.careledger.provider.ProviderView;
import org.careledger.provider.Providers;

/**
 * The admin's home: how many active users of each role, the registrations waiting for a decision,
 * and the registrations made with an email address already in use. Every list says, when empty,
 * what would appear in it.
 */
@Route("admin")
@PageTitle("Approvals · CareLedger")
@Menu(order = 1, title = "Approvals", icon = "vaadin:check-square-o")
@RolesAllowed(AppRoles.ADMIN)
class AdminDashboardView extends VerticalLayout implements BeforeEnterObserver {

    static final String QUEUE_EMPTY = "Nobody is waiting for approval. When a doctor, patient or pharmacist registers, "
            + "their registration appears here for you to approve or reject.";
    static final String ATTEMPTS_EMPTY = "None to look at. If someone registers with an email address that already "
            + "has an account, it appears here.";

    private final AccountAdministration admin;
    private final RegistrationAttempts attempts;
    private final Providers providers;
    private final HorizontalLayout counts = new HorizontalLayout();
    final ResponsiveGrid<UserProfile> queue = new ResponsiveGrid<>();
    final H3 queueTitle = new H3();
    final ResponsiveGrid<RegistrationAttemptView> attemptGrid = new ResponsiveGrid<>();

    AdminDashboardView(AccountAdministration admin, RegistrationAttempts attempts, Providers providers) {
        this.admin = admin;
        this.attempts = attempts;
        this.providers = providers;
        setId("admin-home");
        counts.setId("user-counts");
        counts.getStyle().set("flex-wrap", "wrap");
        queueTitle.setId("queue-title");
        configureQueue();
        configureAttempts();
        add(new H2("Administration"), new H3("Active accounts"), counts, queueTitle, queue, createAttemptsSection(), attemptGrid);
        refresh();
    }

    private void configureQueue() {
        queue.setId("approval-queue");
        queue.text("Name", UserProfile::fullName);
        queue.text("Role", u -> u.role().label());
        queue.text("Email", UserProfile::email);
        queue.text("Registration or policy", this::credentials);
        queue.text("Registered", u -> BrowserTime.format(u.createdAt()));
        queue.actions("Decision", this::decisionButtons);
        queue.setEmptyStateText(QUEUE_EMPTY);
        queue.setAllRowsVisible(true);
    }

    /**
     * Registrations made with the email of an existing account: the applicant was answered as anyone
     * (so registration tells nobody who is known here); the account's owner was told; an admin looks.
     */
    private void configureAttempts() {
        attemptGrid.setId("registration-attempts");
        attemptGrid.text("Name given", RegistrationAttemptView::attemptedName);
        attemptGrid.text("Registering as", a -> a.attemptedRole().label());
        attemptGrid.text("Existing account", a -> a.existingName() + " (" + a.existingUsername() + ")");
        attemptGrid.text("When", a -> BrowserTime.format(a.at()));
        attemptGrid.actions("", a -> {
            Button dismiss = new Button("Dismiss", click -> act(() -> attempts.dismiss(a.id())));
            dismiss.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            dismiss.setId("dismiss-attempt-" + a.id());
            dismiss.setAriaLabel("Dismiss the registration by " + a.attemptedName());
            return dismiss;
        });
        attemptGrid.setEmptyStateText(ATTEMPTS_EMPTY);
        attemptGrid.setAllRowsVisible(true);
    }

    private Div createAttemptsSection() {
        Paragraph why = new Paragraph("The applicant was answered as for any registration, so that nobody learns who has an "
                + "account here, and the account's owner found a note in their inbox. Dismiss each once you have looked at it.");
        why.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.Margin.Top.NONE);
        return new Div(new H3("Registrations with an email already in use"), why);
    }

    /** The number an admin checks before approving, in words that read well when the cell wraps. */
    private String credentials(UserProfile u) {
        return switch (u.role()) {
            case PATIENT -> "Policy " + u.policyNumber() + " with " + u.insuranceProvider();
            case DOCTOR -> "Medical registration " + u.registrationNumber() + providerOf(u);
            case PHARMACIST -> "Pharmacy licence " + u.registrationNumber() + providerOf(u);
            case ADMIN -> "";
        };
    }

    private String providerOf(UserProfile u) {
        return u.providerId() == null ? "" : providers.find(u.providerId()).map(p -> " at " + p.name()).orElse("");
    }

    private HorizontalLayout decisionButtons(UserProfile user) {
        Button approve = new Button("Approve", click -> {
            if (act(() -> admin.approve(user.id()))) {
                FieldErrors.Notifications.success(user.fullName() + " was approved and can sign in now");
            }
        });
        approve.addThemeVariants(ButtonVariant.LUMO_SUCCESS, ButtonVariant.LUMO_SMALL);
        approve.setId("approve-" + user.id().value());
        approve.setAriaLabel("Approve " + user.fullName());
        Button reject = new Button("Reject", click -> openRejectDialog(user));
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
        reject.setId("reject-" + user.id().value());
        reject.setAriaLabel("Reject " + user.fullName());
        HorizontalLayout buttons = new HorizontalLayout(approve, reject);
        buttons.setSpacing(true);
        return buttons;
    }

    private void openRejectDialog(UserProfile user) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Reject " + user.fullName());
        dialog.setWidth("min(32rem, 95vw)"); // its label and buttons whole on a laptop and a phone
        dialog.setMaxWidth("95vw");
        TextField reason = new TextField("Reason the applicant will see");
        reason.setId("reject-reason");
        reason.setMaxLength(RegistrationRules.MAX_REJECTION_REASON);
        reason.setWidthFull();
        reason.setManualValidation(true);
        Button confirm = new Button("Reject registration", click -> {
            try {
                admin.reject(user.id(), reason.getValue());
                dialog.close();
                FieldErrors.Notifications.success("The registration of " + user.fullName() + " was rejected");
            } catch (InvalidInputException invalid) {
                reason.setErrorMessage(invalid.fieldErrors().getOrDefault("reason", invalid.getMessage()));
                reason.setInvalid(true);
                return;
            } catch (OperationNotAllowedException | NotFoundException gone) {
                dialog.close();
                FieldErrors.Notifications.error(gone.getMessage());
            }
            refresh();
        });
        confirm.setId("reject-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR);
        dialog.add(reason);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), confirm);
        dialog.open();
    }

    /** Runs an admin's decision; a refusal is shown, and the page shows what the services now hold either way. */
    private boolean act(Runnable action) {
        boolean done = false;
        try {
            action.run();
            done = true;
        } catch (OperationNotAllowedException | NotFoundException e) {
            FieldErrors.Notifications.error(e.getMessage());
        }
        refresh();
        return done;
    }

    /**
     * Opened from a notification ({@code admin?user=ID}): that applicant's row is selected, so the
     * admin sees at once whom the message was about; one already decided has left the queue.
     */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("user").ifPresent(id -> {
            try {
                long wanted = Long.parseLong(id);
                admin.pendingRegistrations().stream().filter(u -> u.id().value() == wanted).findFirst()
                        .ifPresent(queue::select);
            } catch (NumberFormatException notAnId) {
                // a mistyped link shows the whole queue, as without the parameter
            }
        });
    }

    private void refresh() {
        List<UserProfile> pending = admin.pendingRegistrations();
        queue.setItems(pending);
        queueTitle.setText(switch (pending.size()) {
            case 0 -> "No registrations waiting";
            case 1 -> "1 registration waiting for approval";
            default -> pending.size() + " registrations waiting for approval";
        });
        attemptGrid.setItems(attempts.open());
        counts.removeAll();
        for (Map.Entry<Role, Long> e : admin.activeCounts().entrySet()) {
            Div card = new Div(new Span(plural(e.getKey())), new H3(Long.toString(e.getValue())));
            card.addClassName("cl-card");
            card.setId("count-" + e.getKey().name().toLowerCase());
            counts.add(card);
        }
    }

    private static String plural(Role role) {
        return role.label() + "s";
    }
}
