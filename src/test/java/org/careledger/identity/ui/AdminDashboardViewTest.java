package org.careledger.identity.ui;

import java.time.Instant;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import org.careledger.identity.AccountAdministration;
import org.careledger.identity.AccountStatus;
import org.careledger.identity.DemoAccounts;
import org.careledger.identity.RegistrationAttemptView;
import org.careledger.identity.RegistrationAttempts;
import org.careledger.identity.RegistrationService;
import org.careledger.identity.TestAccounts;
import org.careledger.identity.Role;
import org.careledger.identity.UserDirectory;
import org.careledger.identity.UserProfile;
import org.careledger.common.ui.ResponsiveGrid;
import org.careledger.identity.internal.RegistrationAttemptRepository;
import org.careledger.identity.internal.UserAccountRepository;
import org.careledger.provider.Providers;
import org.careledger.ui.KaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;

import static com.github.mvysny.kaributesting.v10.GridKt._getColumnByHeader;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.GridKt._fetch;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
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

    @Autowired
    AccountAdministration administration;
    @Autowired
    UserAccountRepository repository;
    @Autowired
    RegistrationAttemptRepository attemptRepository;
    @Autowired
    RegistrationService registration;
    @Autowired
    RegistrationAttempts attempts;

    /** The number on one role's card of active accounts, as the admin reads it. */
    private static long shownCount(Role role) {
        Div card = _get(Div.class, spec -> spec.withId("count-" + role.name().toLowerCase()));
        return Long.parseLong(_get(card, H3.class).getText());
    }

    private static String queueTitle() {
        return _get(H3.class, spec -> spec.withId("queue-title")).getText();
    }

    private UserProfile rowOf(Grid<UserProfile> grid, UserProfile user) {
        return _fetch(grid, 0, _size(grid)).stream().filter(u -> u.id().equals(user.id())).findFirst().orElseThrow();
    }

    /** The page as the services see it: the queue's rows, the title's number and the cards' counts. */
    private void assertThePageAgreesWithTheServices() {
        var pending = accounts().asAdmin(administration::pendingRegistrations);
        assertThat(_fetch(queue(), 0, _size(queue()))).extracting(UserProfile::id)
                .containsExactlyElementsOf(pending.stream().map(UserProfile::id).toList());
        assertThat(queueTitle()).isEqualTo(pending.size() == 1 ? "1 registration waiting for approval"
                : pending.size() + " registrations waiting for approval");
        accounts().asAdmin(administration::activeCounts).forEach((role, count) -> assertThat(shownCount(role)).as(role.label()).isEqualTo(count));
    }

    @Test
    @Transactional
    void emptyListsSayWhatWouldAppearThereAndWhy() {
        // every waiting registration and open attempt set aside, in this test's transaction only (rolled back after it)
        repository.findAll().stream().filter(a -> a.getStatus() == AccountStatus.PENDING).forEach(a -> {
            a.decide(AccountStatus.REJECTED, "set aside by a test", "test", Instant.now());
            repository.saveAndFlush(a);
        });
        attemptRepository.findByDismissedAtIsNullOrderByCreatedAtAsc().forEach(a -> {
            a.dismiss("test", Instant.now());
            attemptRepository.saveAndFlush(a);
        });
        login(DemoAccounts.ADMIN.username(), Role.ADMIN);
        UI.getCurrent().navigate("admin");

        assertThat(_size(queue())).isZero();
        assertThat(queueTitle()).isEqualTo("No registrations waiting");
        assertThat(queue().getEmptyStateText()).isEqualTo("Nobody is waiting for approval. When a doctor, patient or pharmacist "
                + "registers, their registration appears here for you to approve or reject.");
        ResponsiveGrid<?> attempts = _get(ResponsiveGrid.class, spec -> spec.withId("registration-attempts"));
        assertThat(_size(attempts)).isZero();
        assertThat(attempts.getEmptyStateText()).isEqualTo("None to look at. If someone registers with an email address that "
                + "already has an account, it appears here.");
    }

    @Test
    void aRowReadsAsSentencesSoItStillMakesSenseWhenItsCellsWrap() {
        UserProfile doctor = accounts().pending(Role.DOCTOR);
        UserProfile patient = accounts().pending(Role.PATIENT);
        login(DemoAccounts.ADMIN.username(), Role.ADMIN);
        UI.getCurrent().navigate("admin");

        String hospital = ctx.getBean(Providers.class).find(doctor.providerId()).orElseThrow().name();
        assertThat(_getFormattedRow(queue(), rowOf(queue(), doctor)))
                .contains(doctor.fullName(), "Doctor", doctor.email(), "Medical registration GMC-123/4 at " + hospital);
        assertThat(_getFormattedRow(queue(), rowOf(queue(), patient)))
                .contains(patient.fullName(), "Patient", "Policy BUP-1234-5678 with Bupa");
    }

    @Test
    void aRegistrationWithAnEmailInUseIsListedForTheAdminAndDismissingItTakesItAway() {
        UserProfile owner = accounts().active(Role.PATIENT);
        String impostor = TestAccounts.uniqueName("Someone");
        registration.register(TestAccounts.patient(owner.username(), impostor));
        login(DemoAccounts.ADMIN.username(), Role.ADMIN);
        UI.getCurrent().navigate("admin");

        @SuppressWarnings("unchecked")
        ResponsiveGrid<RegistrationAttemptView> grid = _get(ResponsiveGrid.class, spec -> spec.withId("registration-attempts"));
        RegistrationAttemptView row = _fetch(grid, 0, _size(grid)).stream().filter(a -> a.attemptedName().equals(impostor))
                .findFirst().orElseThrow(() -> new AssertionError("the attempt is listed"));
        assertThat(row.existingUsername()).isEqualTo(owner.username());
        assertThat(String.join(" ", _getFormattedRow(grid, _fetch(grid, 0, _size(grid)).indexOf(row))))
                .contains(impostor, owner.fullName() + " (" + owner.username() + ")");

        @SuppressWarnings("unchecked")
        ComponentRenderer<Button, RegistrationAttemptView> renderer =
                (ComponentRenderer<Button, RegistrationAttemptView>) grid.getColumns().stream()
                        .filter(c -> c.isFrozenToEnd()).findFirst().orElseThrow().getRenderer();
        Button dismiss = renderer.createComponent(row);
        assertThat(dismiss.getId()).contains("dismiss-attempt-" + row.id());
        _click(dismiss);

        assertThat(_fetch(grid, 0, _size(grid))).extracting(RegistrationAttemptView::id).doesNotContain(row.id());
        assertThat(accounts().asAdmin(attempts::open)).extracting(RegistrationAttemptView::id)
                .as("the page agrees with the service").containsExactlyElementsOf(_fetch(grid, 0, _size(grid)).stream()
                        .map(RegistrationAttemptView::id).toList());
    }

    @Test
    void approvingTakesTheRowAwayAndCountsTheNewActiveAccount() {
        UserProfile applicant = accounts().pending(Role.PATIENT);
        login(DemoAccounts.ADMIN.username(), Role.ADMIN);
        UI.getCurrent().navigate("admin");
        int waiting = _size(queue());
        long patients = shownCount(Role.PATIENT);

        _click(decisionButton(queue(), rowOf(queue(), applicant), "approve-" + applicant.id().value()));

        assertThat(_fetch(queue(), 0, _size(queue()))).extracting(UserProfile::id).doesNotContain(applicant.id());
        assertThat(_size(queue())).isEqualTo(waiting - 1);
        assertThat(shownCount(Role.PATIENT)).isEqualTo(patients + 1);
        assertThePageAgreesWithTheServices();
    }

    @Test
    void rejectingTakesTheRowAwayAndCountsNoOne() {
        UserProfile applicant = accounts().pending(Role.PHARMACIST);
        login(DemoAccounts.ADMIN.username(), Role.ADMIN);
        UI.getCurrent().navigate("admin");
        int waiting = _size(queue());
        long pharmacists = shownCount(Role.PHARMACIST);

        _click(decisionButton(queue(), rowOf(queue(), applicant), "reject-" + applicant.id().value()));
        _setValue(_get(TextField.class, spec -> spec.withId("reject-reason")), "Licence number not on the register");
        _click(_get(Button.class, spec -> spec.withId("reject-confirm")));

        assertThat(_fetch(queue(), 0, _size(queue()))).extracting(UserProfile::id).doesNotContain(applicant.id());
        assertThat(_size(queue())).isEqualTo(waiting - 1);
        assertThat(shownCount(Role.PHARMACIST)).isEqualTo(pharmacists);
        assertThat(directory.find(applicant.id()).orElseThrow().status()).isEqualTo(AccountStatus.REJECTED);
        assertThePageAgreesWithTheServices();
    }

    @Test
    void theNewRegistrationNotificationLeadsTheAdminToTheApprovalQueue() {
        String name = org.careledger.identity.TestAccounts.uniqueName("Linda");
        accounts().registered(org.careledger.identity.TestAccounts.patient(org.careledger.identity.TestAccounts.uniqueEmail("link"), name));
        login(DemoAccounts.ADMIN.username(), Role.ADMIN);
        String link = ctx.getBean(org.careledger.inbox.Inbox.class).mine().stream()
                .filter(m -> m.body().contains(name)).findFirst().orElseThrow().link();

        com.vaadin.flow.router.Location target = new com.vaadin.flow.router.Location(link);
        UI.getCurrent().navigate(target.getPath(), target.getQueryParameters());

        _get(VerticalLayout.class, spec -> spec.withId("admin-home"));
        AdminDashboardView view = _get(AdminDashboardView.class);
        assertThat(view.queue.getSelectedItems()).as("the applicant the message was about is singled out")
                .extracting(UserProfile::fullName).containsExactly(name);
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
