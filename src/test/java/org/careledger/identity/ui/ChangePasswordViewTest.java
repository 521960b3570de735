package org.careledger.identity.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.PasswordField;
import org.careledger.identity.Role;
import org.careledger.identity.TestAccounts;
import org.careledger.identity.UserProfile;
import org.careledger.identity.internal.UserAccountRepository;
import org.careledger.ui.KaribuTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

/** What a person meets on the change-password page: every problem at once, each at its field. */
class ChangePasswordViewTest extends KaribuTest {

    @Autowired
    UserAccountRepository accounts;
    @Autowired
    PasswordEncoder passwordEncoder;

    UserProfile patient;

    @BeforeEach
    void openAsAPatient() {
        patient = accounts().active(Role.PATIENT);
        login(patient.username(), Role.PATIENT);
        UI.getCurrent().navigate("account/password");
    }

    private static PasswordField field(String id) {
        return _get(PasswordField.class, spec -> spec.withId(id));
    }

    private static void submit() {
        _click(_get(Button.class, spec -> spec.withId("change-password-submit")));
    }

    @Test
    void anEmptyFormSaysEachFieldIsNeededNotThatThePasswordIsWrong() {
        submit();

        assertThat(field("currentPassword").getErrorMessage()).isEqualTo("Enter your current password");
        assertThat(field("newPassword").getErrorMessage()).isEqualTo("Choose a new password");
        assertThat(field("repeatPassword").getErrorMessage()).isEqualTo("Type the new password again");
        assertThat(field("currentPassword").isInvalid()).isTrue();
        assertThat(field("newPassword").isInvalid()).isTrue();
        assertThat(field("repeatPassword").isInvalid()).isTrue();
    }

    @Test
    void aWrongCurrentPasswordIsSaidSoBesideEveryOtherProblemAndNothingChanges() {
        _setValue(field("currentPassword"), "not-my-password");
        _setValue(field("newPassword"), "short");
        _setValue(field("repeatPassword"), "shorter");
        submit();

        assertThat(field("currentPassword").getErrorMessage()).isEqualTo("The current password is not correct");
        assertThat(field("newPassword").getErrorMessage()).isEqualTo("A password has at least 8 characters");
        assertThat(field("repeatPassword").getErrorMessage()).isEqualTo("The two new passwords differ");
        assertThat(passwordEncoder.matches(TestAccounts.PASSWORD, accounts.findById(patient.id().value()).orElseThrow().getPasswordHash()))
                .isTrue();
    }

    @Test
    void theRightPasswordsChangeIt() {
        _setValue(field("currentPassword"), TestAccounts.PASSWORD);
        _setValue(field("newPassword"), "a-new-sturdy-passphrase");
        _setValue(field("repeatPassword"), "a-new-sturdy-passphrase");
        submit();

        assertThat(passwordEncoder.matches("a-new-sturdy-passphrase",
                accounts.findById(patient.id().value()).orElseThrow().getPasswordHash())).isTrue();
    }
}
