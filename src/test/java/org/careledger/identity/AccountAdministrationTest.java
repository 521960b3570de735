package org.careledger.identity;

import org.careledger.IntegrationTest;
import org.careledger.common.InvalidInputException;
import org.careledger.common.NotFoundException;
import org.careledger.common.OperationNotAllowedException;
import org.careledger.crypto.Address;
import org.careledger.inbox.Inbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class AccountAdministrationTest extends IntegrationTest {

    /** Someone with the ADMIN authority who is none of the accounts, so any account may be acted on. */
    private static final String OTHER_ADMIN = "auditor@careledger.test";

    @Autowired
    ApplicationContext ctx;
    @Autowired
    AccountAdministration administration;
    @Autowired
    UserDirectory directory;
    @Autowired
    AuthenticationProvider authenticationProvider;
    @Autowired
    Inbox inbox;
    @Autowired
    SecurityEventLog securityEvents;

    TestAccounts accounts;

    @BeforeEach
    void setUp() {
        accounts = new TestAccounts(ctx);
        TestAccounts.signIn(DemoAccounts.ADMIN.username(), Role.ADMIN);
    }

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    private UserProfile pending(Role role) {
        return accounts.pending(role);
    }

    private AccountStatus statusOf(UserId id) {
        return directory.find(id).orElseThrow().status();
    }

    /** Signs in through the provider as the form login does, from {@code client}; true if it let the user in. */
    private boolean signsInFrom(String client, UserProfile user, String password) {
        UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(user.username(), password);
        attempt.setDetails(new WebAuthenticationDetails(client, null));
        try {
            return authenticationProvider.authenticate(attempt).isAuthenticated();
        } catch (AuthenticationException refused) {
            return false;
        }
    }

    private long activeAdmins() {
        return administration.activeCounts().get(Role.ADMIN);
    }

    @Test
    void approvingGivesTheUserAnActiveAccountAndAnEip55LedgerAddress() {
        UserProfile doctor = pending(Role.DOCTOR);

        UserProfile approved = administration.approve(doctor.id());

        assertThat(approved.status()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(approved.ledgerAddress()).isNotNull();
        String address = approved.ledgerAddress().toString();
        assertThat(Address.parse(address)).isEqualTo(approved.ledgerAddress());
        assertThat(address).matches("0x[0-9a-fA-F]{40}").isNotEqualTo(address.toLowerCase());
        assertThat(directory.find(doctor.id()).orElseThrow().status()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(administration.pendingRegistrations()).extracting(UserProfile::id).doesNotContain(doctor.id());
    }

    @Test
    void theApprovedUserIsWelcomedInTheirInboxWithTheirAddress() {
        UserProfile approved = administration.approve(pending(Role.PATIENT).id());
        TestAccounts.signIn(approved.username(), Role.PATIENT);
        assertThat(inbox.mine()).anySatisfy(m -> {
            assertThat(m.title()).isEqualTo("Welcome to CareLedger");
            assertThat(m.body()).contains(approved.ledgerAddress().toString());
        });
    }

    @Test
    void eachApprovedUserGetsADifferentAddress() {
        UserProfile a = administration.approve(pending(Role.PHARMACIST).id());
        UserProfile b = administration.approve(pending(Role.PHARMACIST).id());
        assertThat(a.ledgerAddress()).isNotEqualTo(b.ledgerAddress());
    }

    @Test
    void approvingTwiceIsNotAllowed() {
        UserProfile patient = pending(Role.PATIENT);
        Address address = administration.approve(patient.id()).ledgerAddress();

        assertThatThrownBy(() -> administration.approve(patient.id()))
                .isInstanceOf(OperationNotAllowedException.class)
                .hasMessage("Only an account whose status is \"Waiting for approval\" can be approved; this one's is \"Active\"");
        assertThat(directory.find(patient.id()).orElseThrow().ledgerAddress()).isEqualTo(address);
    }

    @Test
    void approvingAnUnknownAccountSaysItIsNotFound() {
        assertThatThrownBy(() -> administration.approve(new UserId(9_999_999)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aRejectionReasonIsOneLineBecauseTheApplicantReadsItInTheSignInMessage() {
        UserProfile patient = pending(Role.PATIENT);

        for (String broken : new String[] {"Policy number\nnot found", "Policy number not found\r\n", "Policy\tnumber", "Policy\u2028number"}) {
            InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                    () -> administration.reject(patient.id(), broken));
            assertThat(e).as("reason %s", broken.replace("\n", "\\n")).isNotNull();
            assertThat(e.fieldErrors()).containsEntry("reason", "Use one line, without control characters");
        }
        assertThat(statusOf(patient.id())).isEqualTo(AccountStatus.PENDING);
    }

    @Test
    void rejectingNeedsAReasonWhichIsKept() {
        UserProfile patient = pending(Role.PATIENT);

        for (String noReason : new String[] {null, "", "   ", "x".repeat(501)}) {
            InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                    () -> administration.reject(patient.id(), noReason));
            assertThat(e.fieldErrors()).containsEntry("reason", "Give the applicant a reason (1 to 500 characters)");
        }
        assertThat(statusOf(patient.id())).isEqualTo(AccountStatus.PENDING);

        UserProfile rejected = administration.reject(patient.id(), "  Policy number not found at the insurer ");
        assertThat(rejected.status()).isEqualTo(AccountStatus.REJECTED);
        assertThat(rejected.statusReason()).isEqualTo("Policy number not found at the insurer");
        assertThat(rejected.ledgerAddress()).isNull();
        assertThatThrownBy(() -> administration.approve(patient.id()))
                .isInstanceOf(OperationNotAllowedException.class)
                .hasMessage("Only an account whose status is \"Waiting for approval\" can be approved; this one's is \"Rejected\"");
    }

    @Test
    void disablingEndsAccessAndEnablingRestoresIt() {
        UserProfile doctor = accounts.active(Role.DOCTOR);

        assertThat(administration.disable(doctor.id()).status()).isEqualTo(AccountStatus.DISABLED);
        assertThatThrownBy(() -> administration.disable(doctor.id()))
                .isInstanceOf(OperationNotAllowedException.class)
                .hasMessage("Only an account whose status is \"Active\" can be disabled; this one's is \"Disabled\"");
        assertThat(administration.enable(doctor.id()).status()).isEqualTo(AccountStatus.ACTIVE);
    }

    @Test
    void anAdminCannotDisableTheirOwnAccount() {
        UserProfile me = directory.findByUsername(DemoAccounts.ADMIN.username()).orElseThrow();
        assertThatThrownBy(() -> administration.disable(me.id()))
                .isInstanceOf(OperationNotAllowedException.class)
                .hasMessage("You cannot disable your own account; ask another admin");
        assertThat(statusOf(me.id())).isEqualTo(AccountStatus.ACTIVE);
    }

    @Test
    void theLastActiveAdminCanBeNeitherDisabledNorDemoted() {
        // Tests that promote an admin demote or disable them again, so the demo admin is the only one.
        assertThat(activeAdmins()).as("active admins before the test").isEqualTo(1);
        UserProfile demoAdmin = directory.findByUsername(DemoAccounts.ADMIN.username()).orElseThrow();
        TestAccounts.signIn(OTHER_ADMIN, Role.ADMIN);

        assertThatThrownBy(() -> administration.disable(demoAdmin.id()))
                .isInstanceOf(OperationNotAllowedException.class)
                .hasMessage("The last active admin cannot be disabled; approve or promote another admin first");
        assertThatThrownBy(() -> administration.changeRole(demoAdmin.id(), Role.DOCTOR))
                .isInstanceOf(OperationNotAllowedException.class)
                .hasMessage("The last active admin cannot be demoted; approve or promote another admin first");

        UserProfile after = directory.find(demoAdmin.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(after.role()).isEqualTo(Role.ADMIN);
    }

    @Test
    void withASecondAdminAnAdminCanBeDemotedOrDisabled() {
        long before = activeAdmins();
        UserProfile promoted = administration.changeRole(accounts.active(Role.DOCTOR).id(), Role.ADMIN);
        try {
            assertThat(promoted.role()).isEqualTo(Role.ADMIN);
            assertThat(activeAdmins()).isEqualTo(before + 1);

            assertThat(administration.changeRole(promoted.id(), Role.PHARMACIST).role()).isEqualTo(Role.PHARMACIST);
            assertThat(activeAdmins()).isEqualTo(before);

            administration.changeRole(promoted.id(), Role.ADMIN);
            assertThat(administration.disable(promoted.id()).status()).isEqualTo(AccountStatus.DISABLED);
            assertThat(activeAdmins()).isEqualTo(before);
        } finally {
            UserProfile now = directory.find(promoted.id()).orElseThrow();
            if (now.role() == Role.ADMIN && now.status() == AccountStatus.ACTIVE) {
                administration.disable(promoted.id());
            }
        }
    }

    @Test
    void aPatientCannotBeMadeStaffNorStaffAPatient() {
        UserProfile patient = accounts.active(Role.PATIENT);
        UserProfile doctor = accounts.active(Role.DOCTOR);
        for (Role staff : new Role[] {Role.ADMIN, Role.DOCTOR, Role.PHARMACIST}) {
            assertThatThrownBy(() -> administration.changeRole(patient.id(), staff))
                    .isInstanceOf(OperationNotAllowedException.class)
                    .hasMessage("Only staff roles (admin, doctor, pharmacist) can be changed, and only among themselves");
        }
        assertThatThrownBy(() -> administration.changeRole(doctor.id(), Role.PATIENT))
                .isInstanceOf(OperationNotAllowedException.class);
        assertThatThrownBy(() -> administration.changeRole(doctor.id(), null))
                .isInstanceOf(OperationNotAllowedException.class);
        assertThat(directory.find(patient.id()).orElseThrow().role()).isEqualTo(Role.PATIENT);
        assertThat(directory.find(doctor.id()).orElseThrow().role()).isEqualTo(Role.DOCTOR);
    }

    @Test
    void withoutSignInTheAdministrationRefusesToWork() {
        UserProfile patient = pending(Role.PATIENT);
        TestAccounts.signOut();

        assertThatThrownBy(() -> administration.approve(patient.id()))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> administration.pendingRegistrations())
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThat(statusOf(patient.id())).isEqualTo(AccountStatus.PENDING);
    }

    @Test
    void nonAdminsAreDeniedEveryAdministrationMethod() {
        UserProfile patient = pending(Role.PATIENT);
        for (Role role : new Role[] {Role.PATIENT, Role.DOCTOR, Role.PHARMACIST}) {
            TestAccounts.signIn(role.name().toLowerCase() + "@careledger.test", role);
            assertThatThrownBy(() -> administration.approve(patient.id())).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> administration.reject(patient.id(), "no")).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> administration.resetPassword(patient.id())).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> administration.search("", null, null)).isInstanceOf(AccessDeniedException.class);
        }
        assertThat(statusOf(patient.id())).isEqualTo(AccountStatus.PENDING);
    }

    @Test
    void anUnlockLetsEveryThrottledClientSignInAgainAndIsStoredAsASecurityEvent() {
        UserProfile doctor = accounts.active(Role.DOCTOR);
        assertThat(administration.actionsOn(doctor)).doesNotContain(AccountAction.UNLOCK);
        for (int i = 0; i < 5; i++) {
            signsInFrom("203.0.113.21", doctor, "wrong-guess-" + i);
            signsInFrom("203.0.113.22", doctor, "wrong-guess-" + i);
        }
        assertThat(signsInFrom("203.0.113.21", doctor, TestAccounts.PASSWORD)).isFalse();
        assertThat(administration.actionsOn(doctor)).contains(AccountAction.UNLOCK);

        administration.unlock(doctor.id());

        assertThat(administration.actionsOn(doctor)).doesNotContain(AccountAction.UNLOCK);
        assertThat(signsInFrom("203.0.113.21", doctor, TestAccounts.PASSWORD)).isTrue();
        assertThat(signsInFrom("203.0.113.22", doctor, TestAccounts.PASSWORD)).isTrue();
        assertThat(securityEvents.forUsername(doctor.username(), 50))
                .anySatisfy(e -> {
                    assertThat(e.event()).isEqualTo("UNLOCK");
                    assertThat(e.outcome()).isEqualTo("unlocked");
                    assertThat(e.actor()).isEqualTo(DemoAccounts.ADMIN.username());
                });
    }

    @Test
    void nonAdminsCannotUnlock() {
        UserProfile doctor = accounts.active(Role.DOCTOR);
        for (int i = 0; i < 5; i++) {
            signsInFrom("203.0.113.23", doctor, "wrong-guess-" + i);
        }
        for (Role role : new Role[] {Role.PATIENT, Role.DOCTOR, Role.PHARMACIST}) {
            TestAccounts.signIn(role.name().toLowerCase() + "@careledger.test", role);
            assertThatThrownBy(() -> administration.unlock(doctor.id())).isInstanceOf(AccessDeniedException.class);
        }
        assertThat(signsInFrom("203.0.113.23", doctor, TestAccounts.PASSWORD)).isFalse();
    }

    @Test
    void aResetPasswordSignsInAndMustBeChanged() {
        UserProfile pharmacist = accounts.active(Role.PHARMACIST);

        String temporary = administration.resetPassword(pharmacist.id());

        assertThat(temporary).hasSize(14).matches("[A-Za-z2-9]+");
        Authentication signedIn = authenticationProvider.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated(pharmacist.username(), temporary));
        assertThat(signedIn.isAuthenticated()).isTrue();
        assertThat(signedIn.getName()).isEqualTo(pharmacist.username());
        assertThat(signedIn.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_PHARMACIST");
        assertThat(directory.find(pharmacist.id()).orElseThrow().mustChangePassword()).isTrue();
        assertThatThrownBy(() -> authenticationProvider.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated(pharmacist.username(), TestAccounts.PASSWORD)))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void temporaryPasswordsDiffer() {
        UserProfile doctor = accounts.active(Role.DOCTOR);
        assertThat(administration.resetPassword(doctor.id())).isNotEqualTo(administration.resetPassword(doctor.id()));
    }

    @Test
    void searchFindsByNameOrUsernameAndFilters() {
        UserProfile doctor = accounts.active(Role.DOCTOR);
        String lastName = doctor.fullName().split(" ")[1];
        assertThat(administration.search(lastName.toUpperCase(), null, null)).extracting(UserProfile::id).containsExactly(doctor.id());
        assertThat(administration.search(doctor.username(), Role.DOCTOR, AccountStatus.ACTIVE)).extracting(UserProfile::id).containsExactly(doctor.id());
        assertThat(administration.search(lastName, Role.PATIENT, null)).isEmpty();
        assertThat(administration.search(lastName, null, AccountStatus.PENDING)).isEmpty();
    }
}
