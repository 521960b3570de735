package org.careledger.identity.ui;

import java.util.List;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import org.careledger.identity.AccountAdministration;
import org.careledger.identity.DemoAccounts;
import org.careledger.identity.Role;
import org.careledger.identity.UserDirectory;
import org.careledger.identity.UserProfile;
import org.careledger.identity.internal.LoginThrottle;
import org.careledger.ui.KaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.github.mvysny.kaributesting.v10.GridKt._getColumnByHeader;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
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
