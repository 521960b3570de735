package org.careledger.identity.ui;

import java.util.List;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import org.careledger.identity.AccountAdministration;
import org.careledger.identity.AccountStatus;
import org.careledger.identity.DemoAccounts;
import org.careledger.identity.Role;
import org.careledger.identity.UserDirectory;
import org.careledger.identity.UserProfile;
import org.careledger.identity.internal.LoginThrottle;
import org.careledger.ui.KaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.github.mvysny.kaributesting.v10.GridKt._fetch;
import static com.github.mvysny.kaributesting.v10.GridKt._getColumnByHeader;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Users page offers on each account exactly what {@link AccountAdministration#actionsOn} allows,
 * the rules the service itself enforces: no role choice for a patient, no Disable on the admin's own
 * account, Enable only on a disabled one.
 */
class UsersViewTest extends KaribuTest {

    @Autowired
    UserDirectory directory;
    @Autowired
    AccountAdministration administration;
    @Autowired
    LoginThrottle throttle;

    @Test
    void eachRowOffersWhatTheServiceAllowsOnThatAccount() {
        UserProfile patient = accounts().active(Role.PATIENT);
        UserProfile disabledDoctor = accounts().asAdmin(() -> administration.disable(accounts().active(Role.DOCTOR).id()));
        UserProfile self = directory.findByUsername(DemoAccounts.ADMIN.username()).orElseThrow();
        login(DemoAccounts.ADMIN.username(), Role.ADMIN);
        UI.getCurrent().navigate("admin/users");
        UsersView view = _get(UsersView.class);

        assertThat(offered(view, patient)).containsExactly("Disable", "Reset password");
        assertThat(offered(view, disabledDoctor)).containsExactly("Role", "Enable", "Reset password");
        assertThat(offered(view, self)).as("an admin cannot disable their own account").containsExactly("Role", "Reset password");
    }

    @Test
    void aThrottledAccountOffersUnlockWhichLetsItsOwnerSignInAgain() {
        UserProfile doctor = accounts().active(Role.DOCTOR);
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure(doctor.username(), "203.0.113.31");
        }
        login(DemoAccounts.ADMIN.username(), Role.ADMIN);
        UI.getCurrent().navigate("admin/users");
        UsersView view = _get(UsersView.class);
        assertThat(offered(view, doctor)).containsExactly("Role", "Disable", "Reset password", "Unlock");

        _click(control(view, doctor, "Unlock"));

        assertThat(throttle.isLocked(doctor.username())).isFalse();
        assertThat(offered(view, doctor)).containsExactly("Role", "Disable", "Reset password");
    }

    @Test
    void statusesReadAsPeopleSayThemNotAsCodes() {
        UserProfile waiting = accounts().pending(Role.PATIENT);
        UserProfile active = accounts().active(Role.PHARMACIST);
        UserProfile disabled = accounts().asAdmin(() -> administration.disable(accounts().active(Role.DOCTOR).id()));
        login(DemoAccounts.ADMIN.username(), Role.ADMIN);
        UI.getCurrent().navigate("admin/users");
        UsersView view = _get(UsersView.class);

        assertThat(row(view, waiting)).contains(waiting.fullName(), "Patient", "Waiting for approval").doesNotContain("PENDING");
        assertThat(row(view, active)).contains("Pharmacist", "Active").doesNotContain("ACTIVE");
        assertThat(row(view, disabled)).contains("Doctor", "Disabled").doesNotContain("DISABLED");
        assertThat(view.statusFilter.getItemLabelGenerator().apply(AccountStatus.PENDING)).isEqualTo("Waiting for approval");
    }

    @Test
    void aThrottledAccountsStatusSaysItsSignInIsLocked() {
        UserProfile doctor = accounts().active(Role.DOCTOR);
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure(doctor.username(), "203.0.113.32");
        }
        login(DemoAccounts.ADMIN.username(), Role.ADMIN);
        UI.getCurrent().navigate("admin/users");

        assertThat(row(_get(UsersView.class), doctor)).contains("Active · sign-in locked");
    }

    @Test
    void aSearchThatFindsNobodySaysWhatWasLookedForAndHowToSeeMore() {
        login(DemoAccounts.ADMIN.username(), Role.ADMIN);
        UI.getCurrent().navigate("admin/users");
        UsersView view = _get(UsersView.class);

        _setValue(view.search, "Nobody Byname");
        _setValue(view.statusFilter, AccountStatus.DISABLED);

        assertThat(_size(view.grid)).isZero();
        assertThat(view.grid.getEmptyStateText()).isEqualTo("No account with status \"Disabled\" has a name or username containing "
                + "\"Nobody Byname\". Change the search, or choose \"Any role\" and \"Any status\", to see more.");
    }

    /** One account's row as the admin reads it, cell by cell. */
    private static List<String> row(UsersView view, UserProfile user) {
        UserProfile shown = _fetch(view.grid, 0, _size(view.grid)).stream().filter(u -> u.id().equals(user.id())).findFirst().orElseThrow();
        return _getFormattedRow(view.grid, shown);
    }

    /** The controls the Actions column renders for one account, by label ("Role" for the role choice). */
    private static List<String> offered(UsersView view, UserProfile user) {
        return cell(view, user).getChildren().map(UsersViewTest::label).toList();
    }

    private static Button control(UsersView view, UserProfile user, String text) {
        return (Button) cell(view, user).getChildren().filter(c -> text.equals(label(c))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static HorizontalLayout cell(UsersView view, UserProfile user) {
        ComponentRenderer<HorizontalLayout, UserProfile> renderer =
                (ComponentRenderer<HorizontalLayout, UserProfile>) _getColumnByHeader(view.grid, "Actions").getRenderer();
        return renderer.createComponent(user);
    }

    private static String label(Component c) {
        return c instanceof Button b ? b.getText() : c instanceof Select<?> ? "Role" : c.getClass().getSimpleName();
    }
}
