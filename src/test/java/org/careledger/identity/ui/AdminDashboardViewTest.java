package org.careledger.identity.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import org.careledger.identity.AccountStatus;
import org.careledger.identity.DemoAccounts;
import org.careledger.identity.Role;
import org.careledger.identity.UserDirectory;
import org.careledger.identity.UserProfile;
import org.careledger.ui.KaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.github.mvysny.kaributesting.v10.GridKt._getColumnByHeader;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.GridKt._fetch;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class AdminDashboardViewTest extends KaribuTest {

    @Autowired
    UserDirectory directory;

    @SuppressWarnings("unchecked")
    private Grid<UserProfile> queue() {
        return _get(Grid.class, spec -> spec.withId("approval-queue"));
    }

    /** The decision buttons of one row, as the grid's component column renders them. */
    @SuppressWarnings("unchecked")
    private Button decisionButton(Grid<UserProfile> grid, UserProfile row, String id) {
        ComponentRenderer<HorizontalLayout, UserProfile> renderer =
                (ComponentRenderer<HorizontalLayout, UserProfile>) _getColumnByHeader(grid, "Decision").getRenderer();
        HorizontalLayout cell = renderer.createComponent(row);
        return _get(cell, Button.class, spec -> spec.withId(id));
    }

    @Test
    void theNewRegistrationNotificationLeadsTheAdminToTheApprovalQueue() {
        String name = org.careledger.identity.TestAccounts.uniqueName("Linda");
        accounts().registered(org.careledger.identity.TestAccounts.patient(org.careledger.identity.TestAccounts.uniqueEmail("link"), name));
        login(DemoAccounts.ADMIN.username(), Role.ADMIN);
        String link = ctx.getBean(org.careledger.inbox.Inbox.class).mine().stream()
                .filter(m -> m.body().contains(name)).findFirst().orElseThrow().link();

        UI.getCurrent().navigate(link);

        _get(VerticalLayout.class, spec -> spec.withId("admin-home"));
    }

    @Test
    void aRejectionNeedsAReasonInTheDialog() {
        UserProfile applicant = accounts().pending(Role.DOCTOR);
        login(DemoAccounts.ADMIN.username(), Role.ADMIN);
        UI.getCurrent().navigate("admin");
        Grid<UserProfile> grid = queue();
        UserProfile row = _fetch(grid, 0, _size(grid)).stream().filter(u -> u.id().equals(applicant.id())).findFirst().orElseThrow();

        _click(decisionButton(grid, row, "reject-" + applicant.id().value()));
        _click(_get(Button.class, spec -> spec.withId("reject-confirm")));
        com.vaadin.flow.component.textfield.TextField reason =
                _get(com.vaadin.flow.component.textfield.TextField.class, spec -> spec.withId("reject-reason"));
        assertThat(reason.isInvalid()).isTrue();
        assertThat(reason.getErrorMessage()).isEqualTo("Give the applicant a reason (1 to 500 characters)");
        assertThat(directory.find(applicant.id()).orElseThrow().status()).isEqualTo(AccountStatus.PENDING);

        com.github.mvysny.kaributesting.v10.LocatorJ._setValue(reason, "Unknown registration number");
        _click(_get(Button.class, spec -> spec.withId("reject-confirm")));
        UserProfile rejected = directory.find(applicant.id()).orElseThrow();
        assertThat(rejected.status()).isEqualTo(AccountStatus.REJECTED);
        assertThat(rejected.statusReason()).isEqualTo("Unknown registration number");
        assertThat(_fetch(queue(), 0, _size(queue()))).extracting(UserProfile::id).doesNotContain(applicant.id());
    }

    @Test
    void theApprovalQueueListsPendingRegistrationsAndApprovingRemovesOne() {
        UserProfile applicant = accounts().pending(Role.PATIENT);
        login(DemoAccounts.ADMIN.username(), Role.ADMIN);
        UI.getCurrent().navigate("admin");

        _get(VerticalLayout.class, spec -> spec.withId("admin-home"));
        Grid<UserProfile> grid = queue();
        assertThat(_fetch(grid, 0, _size(grid))).extracting(UserProfile::username)
                .contains(applicant.username(), "priya.raman@careledger.test", "mateo.fernandez@careledger.test");
        UserProfile row = _fetch(grid, 0, _size(grid)).stream().filter(u -> u.id().equals(applicant.id())).findFirst().orElseThrow();

        _click(decisionButton(grid, row, "approve-" + applicant.id().value()));

        assertThat(_fetch(queue(), 0, _size(queue()))).extracting(UserProfile::id).doesNotContain(applicant.id());
        UserProfile approved = directory.find(applicant.id()).orElseThrow();
        assertThat(approved.status()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(approved.ledgerAddress()).isNotNull();
    }
}
