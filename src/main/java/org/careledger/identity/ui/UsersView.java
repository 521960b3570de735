package org.careledger.identity.ui;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import org.careledger.common.NotFoundException;
import org.careledger.common.OperationNotAllowedException;
import org.careledger.common.ui.BrowserTime;
import org.careledger.common.ui.FieldErrors;
import org.careledger.common.ui.ResponsiveGrid;
import org.careledger.identity.AccountAction;
import org.careledger.identity.AccountAdministration;
import org.careledger.identity.AccountStatus;
import org.careledger.identity.AppRoles;
import org.careledger.identity.Role;
import org.careledger.identity.UserId;
import org.careledger.identity.UserProfile;

/**
 * Every account, searchable and filtered by role and status. An admin changes a staff member's role,
 * disables or re-enables an account, resets a password, or unlocks a throttled username: each row
 * offers what {@link AccountAdministration#actionsOn} allows, and the service refuses anything else.
 */
@Route("admin/users")
@PageTitle("Users · CareLedger")
@Menu(order = 2, title = "Users", icon = "vaadin:users")
@RolesAllowed(AppRoles.ADMIN)
class UsersView extends VerticalLayout {

    private final AccountAdministration admin;
    final TextField search = new TextField();
    final Select<Role> roleFilter = new Select<>();
    final Select<AccountStatus> statusFilter = new Select<>();
    final ResponsiveGrid<UserProfile> grid = new ResponsiveGrid<>();
    /** The service's answer for the listed users, read once per refresh rather than once per row and column. */
    private Map<UserId, Set<AccountAction>> actions = Map.of();

    UsersView(AccountAdministration admin) {
        this.admin = admin;
        setId("users-view");
        setSizeFull();
        search.setId("user-search");
        search.setLabel("Search");
        search.setPlaceholder("Name or email");
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> refresh());
        roleFilter.setLabel("Role");
        roleFilter.setItems(Role.values());
        roleFilter.setEmptySelectionAllowed(true);
        roleFilter.setEmptySelectionCaption("Any role");
        roleFilter.setItemLabelGenerator(r -> r == null ? "Any role" : r.label());
        roleFilter.addValueChangeListener(e -> refresh());
        statusFilter.setLabel("Status");
        statusFilter.setItems(AccountStatus.values());
        statusFilter.setEmptySelectionAllowed(true);
        statusFilter.setEmptySelectionCaption("Any status");
        statusFilter.setItemLabelGenerator(s -> s == null ? "Any status" : s.label());
        statusFilter.addValueChangeListener(e -> refresh());
        configureGrid();
        HorizontalLayout filters = new HorizontalLayout(search, roleFilter, statusFilter);
        filters.setAlignItems(Alignment.BASELINE);
        filters.getStyle().set("flex-wrap", "wrap");
        add(new H2("Users"), filters, grid);
        setFlexGrow(1, grid);
        refresh();
    }

    private void configureGrid() {
        grid.setId("users-grid");
        grid.text("Name", UserProfile::fullName).setSortable(true).setComparator(UserProfile::fullName);
        grid.text("Username", UserProfile::username);
        grid.text("Role", u -> u.role().label());
        grid.text("Status", this::status);
        grid.text("Registered", u -> BrowserTime.format(u.createdAt()));
        grid.actions("Actions", this::actions);
    }

    /** The account's status as people say it, and whether sign-in is refused to it for now. */
    private String status(UserProfile user) {
        String status = user.status().label();
        return allowedOn(user).contains(AccountAction.UNLOCK) ? status + " · sign-in locked" : status;
    }

    /** What the admin may do to the user, as the service said for the whole list when it was shown. */
    private Set<AccountAction> allowedOn(UserProfile user) {
        Set<AccountAction> allowed = actions.get(user.id());
        return allowed != null ? allowed : admin.actionsOn(user);
    }

    private HorizontalLayout actions(UserProfile user) {
        Set<AccountAction> allowed = allowedOn(user);
        HorizontalLayout actions = new HorizontalLayout();
        if (allowed.contains(AccountAction.CHANGE_ROLE)) {
            Select<Role> role = new Select<>();
            role.setItems(Role.ADMIN, Role.DOCTOR, Role.PHARMACIST);
            role.setItemLabelGenerator(Role::label);
            role.setValue(user.role());
            role.setAriaLabel("Role of " + user.fullName());
            role.addValueChangeListener(e -> {
                if (e.isFromClient() && e.getValue() != null && e.getValue() != user.role()) {
                    act(() -> admin.changeRole(user.id(), e.getValue()), user.fullName() + " is now " + e.getValue().label());
                }
            });
            actions.add(role);
        }
        if (allowed.contains(AccountAction.DISABLE)) {
            actions.add(button("Disable", ButtonVariant.LUMO_ERROR,
                    () -> act(() -> admin.disable(user.id()), user.fullName() + " was disabled and signed out")));
        }
        if (allowed.contains(AccountAction.ENABLE)) {
            actions.add(button("Enable", ButtonVariant.LUMO_SUCCESS,
                    () -> act(() -> admin.enable(user.id()), user.fullName() + " was enabled")));
        }
        if (allowed.contains(AccountAction.RESET_PASSWORD)) {
            actions.add(button("Reset password", ButtonVariant.LUMO_CONTRAST, () -> resetPassword(user)));
        }
        if (allowed.contains(AccountAction.UNLOCK)) {
            actions.add(button("Unlock", ButtonVariant.LUMO_PRIMARY,
                    () -> act(() -> admin.unlock(user.id()), user.fullName() + " can sign in again from every device")));
        }
        return actions;
    }

    private Button button(String text, ButtonVariant variant, Runnable action) {
        Button b = new Button(text, click -> action.run());
        b.addThemeVariants(variant, ButtonVariant.LUMO_SMALL);
        return b;
    }

    private void resetPassword(UserProfile user) {
        String temporary;
        try {
            temporary = admin.resetPassword(user.id());
        } catch (OperationNotAllowedException | NotFoundException e) {
            FieldErrors.Notifications.error(e.getMessage());
            return;
        }
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader("Temporary password for " + user.fullName());
        dialog.setText("Give this password to " + user.fullName() + " in person or by phone: " + temporary
                + " — they must choose a new one when they next sign in. It is shown only now.");
        dialog.setConfirmText("Done");
        dialog.open();
    }

    private void act(Runnable action, String success) {
        try {
            action.run();
            FieldErrors.Notifications.success(success);
        } catch (OperationNotAllowedException | NotFoundException e) {
            FieldErrors.Notifications.error(e.getMessage());
        }
        refresh();
    }

    private void refresh() {
        List<UserProfile> users = admin.search(search.getValue(), roleFilter.getValue(), statusFilter.getValue());
        actions = admin.actionsOn(users);
        grid.setItems(users);
        grid.setEmptyStateText(emptyStateText());
    }

    /** What the list would show, and what to change to see more: only the search and filters can empty it. */
    private String emptyStateText() {
        String text = search.getValue() == null ? "" : search.getValue().strip();
        Role role = roleFilter.getValue();
        AccountStatus status = statusFilter.getValue();
        if (text.isEmpty() && role == null && status == null) {
            return "No accounts yet. Registrations appear on the Approvals page; approved accounts are listed here.";
        }
        StringBuilder what = new StringBuilder("No ");
        what.append(role == null ? "account" : role.label().toLowerCase(Locale.ROOT));
        if (status != null) {
            what.append(" with status \"").append(status.label()).append('"');
        }
        if (!text.isEmpty()) {
            what.append(" has a name or username containing \"").append(text).append('"');
        } else {
            what.append(" is registered");
        }
        return what.append(". Change the search, or choose \"Any role\" and \"Any status\", to see more.").toString();
    }
}
