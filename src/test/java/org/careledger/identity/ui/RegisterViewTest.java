package org.careledger.identity.ui;

import java.time.LocalDate;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.careledger.identity.AccountStatus;
import org.careledger.identity.Role;
import org.careledger.identity.TestAccounts;
import org.careledger.identity.UserDirectory;
import org.careledger.identity.UserProfile;
import org.careledger.provider.ProviderView;
import org.careledger.ui.KaribuTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

class RegisterViewTest extends KaribuTest {

    @Autowired
    UserDirectory directory;

    @BeforeEach
    void openRegistration() {
        UI.getCurrent().navigate("register");
    }

    private TextField text(String id) {
        return _get(TextField.class, spec -> spec.withId(id));
    }

    private void submit() {
        _click(_get(Button.class, spec -> spec.withId("register-submit")));
    }

    private void fillValidPatient(String email, String name) {
        _setValue(text("fullName"), name);
        _setValue(text("mobile"), "+44 7700 900123");
        _setValue(_get(EmailField.class, spec -> spec.withId("email")), email);
        _setValue(_get(DatePicker.class, spec -> spec.withId("dateOfBirth")), LocalDate.of(1990, 5, 17));
        _setValue(_get(TextArea.class, spec -> spec.withId("address")), "4 Elm Close, Cambridge");
        _setValue(text("insuranceProvider"), "Bupa");
        _setValue(text("policyNumber"), "BUP-1234");
        _setValue(_get(PasswordField.class, spec -> spec.withId("password")), TestAccounts.PASSWORD);
        _setValue(_get(PasswordField.class, spec -> spec.withId("confirmPassword")), TestAccounts.PASSWORD);
    }

    @Test
    void anEmptyFormShowsEachMessageNextToItsField() {
        submit();

        TextField fullName = text("fullName");
        assertThat(fullName.isInvalid()).isTrue();
        assertThat(fullName.getErrorMessage()).isEqualTo("Enter your full name");
        assertThat(text("mobile").getErrorMessage()).isEqualTo("Enter your mobile number");
        assertThat(_get(EmailField.class, spec -> spec.withId("email")).getErrorMessage()).isEqualTo("Enter your email address");
        assertThat(_get(DatePicker.class, spec -> spec.withId("dateOfBirth")).getErrorMessage()).isEqualTo("Enter your date of birth");
        assertThat(_get(TextArea.class, spec -> spec.withId("address")).getErrorMessage()).isEqualTo("Enter your address");
        assertThat(text("policyNumber").getErrorMessage()).isEqualTo("Enter the policy number");
        assertThat(_get(PasswordField.class, spec -> spec.withId("password")).getErrorMessage()).isEqualTo("Choose a password");
        _assertNone(Paragraph.class, spec -> spec.withId("registration-done"));
    }

    @Test
    void badInputShowsTheRuleNextToTheFieldAndCorrectedFieldsClear() {
        fillValidPatient("not-an-email", "<script>alert(1)</script>");
        submit();
        assertThat(text("fullName").getErrorMessage()).isEqualTo("Use letters, spaces, apostrophes, periods and hyphens only");
        assertThat(_get(EmailField.class, spec -> spec.withId("email")).getErrorMessage())
                .isEqualTo("Enter a valid email address, such as name@example.org");
        assertThat(text("mobile").isInvalid()).isFalse();

        _setValue(text("fullName"), "Zoë O'Brien");
        submit();
        assertThat(text("fullName").isInvalid()).isFalse();
        assertThat(_get(EmailField.class, spec -> spec.withId("email")).isInvalid()).isTrue();
    }

    @Test
    void differingPasswordsAreRefusedAndNothingIsSaved() {
        String email = TestAccounts.uniqueEmail("typo");
        fillValidPatient(email, TestAccounts.uniqueName("Tess"));
        _setValue(_get(PasswordField.class, spec -> spec.withId("confirmPassword")), "something-else-entirely");
        submit();
        PasswordField confirm = _get(PasswordField.class, spec -> spec.withId("confirmPassword"));
        assertThat(confirm.isInvalid()).isTrue();
        assertThat(confirm.getErrorMessage()).isEqualTo("The two passwords differ");
        assertThat(_get(Paragraph.class, spec -> spec.withId("register-problems")).getText())
                .isEqualTo("One field needs correcting; its message is next to it.");
        assertThat(directory.findByUsername(email)).isEmpty();
    }

    @Test
    void everyProblemShowsAtOnceNotOneAfterTheOtherWhenThePasswordsDifferToo() {
        String email = TestAccounts.uniqueEmail("many");
        fillValidPatient(email, "<b>Tess</b>");
        _setValue(text("mobile"), "12345");
        _setValue(_get(EmailField.class, spec -> spec.withId("email")), "tess@");
        _setValue(_get(DatePicker.class, spec -> spec.withId("dateOfBirth")), null);
        _setValue(_get(TextArea.class, spec -> spec.withId("address")), "");
        _setValue(text("policyNumber"), "x");
        _setValue(_get(PasswordField.class, spec -> spec.withId("password")), "short");
        _setValue(_get(PasswordField.class, spec -> spec.withId("confirmPassword")), "shorter");

        submit();

        assertThat(text("fullName").getErrorMessage()).isEqualTo("Use letters, spaces, apostrophes, periods and hyphens only");
        assertThat(text("mobile").getErrorMessage()).startsWith("Enter the number in international form");
        assertThat(_get(EmailField.class, spec -> spec.withId("email")).getErrorMessage()).startsWith("Enter a valid email address");
        assertThat(_get(DatePicker.class, spec -> spec.withId("dateOfBirth")).getErrorMessage()).isEqualTo("Enter your date of birth");
        assertThat(_get(TextArea.class, spec -> spec.withId("address")).getErrorMessage()).isEqualTo("Enter your address");
        assertThat(text("policyNumber").getErrorMessage()).isEqualTo("A policy number has 4 to 20 letters, digits, '-' or '/'");
        assertThat(_get(PasswordField.class, spec -> spec.withId("password")).getErrorMessage()).isEqualTo("A password has at least 8 characters");
        assertThat(_get(PasswordField.class, spec -> spec.withId("confirmPassword")).getErrorMessage()).isEqualTo("The two passwords differ");
        assertThat(text("insuranceProvider").isInvalid()).as("a correct field is not marked").isFalse();
        assertThat(_get(Paragraph.class, spec -> spec.withId("register-problems")).getText())
                .isEqualTo("8 fields need correcting; each message is next to its field.");
        assertThat(directory.findByUsername(email)).isEmpty();
    }

    @Test
    void aPasswordTypedOnlyOnceIsAskedForAgain() {
        String email = TestAccounts.uniqueEmail("once");
        fillValidPatient(email, TestAccounts.uniqueName("Olga"));
        _setValue(_get(PasswordField.class, spec -> spec.withId("confirmPassword")), "");
        submit();
        assertThat(_get(PasswordField.class, spec -> spec.withId("confirmPassword")).getErrorMessage()).isEqualTo("Type the password again");
        assertThat(directory.findByUsername(email)).isEmpty();
    }

    @Test
    void aValidPatientRegistrationIsReceivedAndPending() {
        String email = TestAccounts.uniqueEmail("karibu");
        String name = TestAccounts.uniqueName("Karin");
        fillValidPatient(email, name);
        submit();

        Paragraph done = _get(Paragraph.class, spec -> spec.withId("registration-done"));
        assertThat(done.getText()).startsWith("Thank you, " + name + ".");
        UserProfile saved = directory.findByUsername(email).orElseThrow();
        assertThat(saved.status()).isEqualTo(AccountStatus.PENDING);
        assertThat(saved.role()).isEqualTo(Role.PATIENT);
    }

    @Test
    void anEmailAlreadyInUseIsAnsweredExactlyAsANewOne() {
        String name = TestAccounts.uniqueName("Copy");
        fillValidPatient("patient@careledger.test", name);
        submit();
        assertThat(_get(Paragraph.class, spec -> spec.withId("registration-done")).getText())
                .isEqualTo("Thank you, " + name + ". An administrator will review your registration; you can sign in once it is approved.");
    }

    @SuppressWarnings("unchecked")
    @Test
    void choosingDoctorOffersHospitalsAndAsksForTheRegistrationNumber() {
        RadioButtonGroup<Role> role = _get(RadioButtonGroup.class, spec -> spec.withId("role"));
        _setValue(role, Role.DOCTOR);

        ComboBox<ProviderView> provider = _get(ComboBox.class, spec -> spec.withId("provider"));
        assertThat(provider.getLabel()).isEqualTo("Hospital");
        _assertNone(TextField.class, spec -> spec.withId("insuranceProvider"));
        submit();
        assertThat(provider.getErrorMessage()).isEqualTo("Choose your hospital");
        assertThat(text("registrationNumber").getErrorMessage()).isEqualTo("Enter the medical registration number");
    }
}
