package org.careledger.identity.ui;

import java.time.LocalDate;
import java.util.List;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Focusable;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.shared.HasValidationProperties;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.theme.lumo.LumoUtility;
import org.careledger.common.InvalidInputException;
import org.careledger.common.ui.FieldErrors;
import org.careledger.identity.PasswordPolicy;
import org.careledger.identity.RegistrationRequest;
import org.careledger.identity.RegistrationRules;
import org.careledger.identity.RegistrationService;
import org.careledger.identity.Role;
import org.careledger.provider.ProviderKind;
import org.careledger.provider.ProviderView;
import org.careledger.provider.Providers;

import static org.careledger.identity.RegistrationService.*;

/**
 * Self-registration for doctors, patients and pharmacists. The form shows the fields the chosen role
 * needs; every rule, the repeated password's too, is checked by {@link RegistrationService} on the
 * server, and all its messages appear at once, each next to its field.
 */
@Route(value = "register", autoLayout = false)
@PageTitle("Register · CareLedger")
@AnonymousAllowed
class RegisterView extends VerticalLayout {

    private final RegistrationService registration;
    private final Providers providers;

    final RadioButtonGroup<Role> role = new RadioButtonGroup<>("I am registering as");
    final TextField fullName = new TextField("Full name");
    final TextField mobile = new TextField("Mobile number");
    final EmailField email = new EmailField("Email (you sign in with it)");
    final BirthDatePicker dateOfBirth = new BirthDatePicker("Date of birth");
    final TextArea address = new TextArea("Address");
    final TextField registrationNumber = new TextField("Medical registration number");
    final ComboBox<ProviderView> provider = new ComboBox<>("Hospital");
    final TextField insuranceProvider = new TextField("Health-insurance provider");
    final TextField policyNumber = new TextField("Policy number");
    final PasswordField password = new PasswordField("Password");
    final PasswordField confirmPassword = new PasswordField("Repeat the password");
    final Button submit = new Button("Register");
    final Paragraph problems = new Paragraph();
    private final FieldErrors errors = new FieldErrors();
    private final FormLayout form = new FormLayout();

    RegisterView(RegistrationService registration, Providers providers) {
        this.registration = registration;
        this.providers = providers;
        setId("register-view");
        setMaxWidth("48rem");
        getStyle().set("margin", "0 auto");
        configureFields();
        form.add(role, fullName, mobile, email, dateOfBirth, address, registrationNumber, provider,
                insuranceProvider, policyNumber, password, confirmPassword);
        form.setColspan(role, 2);
        form.setColspan(address, 2);
        submit.setId("register-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickListener(click -> submit());
        problems.setId("register-problems");
        problems.addClassNames(LumoUtility.TextColor.ERROR);
        problems.setVisible(false);
        Anchor back = new Anchor("login", "Already registered? Sign in");
        add(new H1("Register with CareLedger"),
                new Paragraph("An administrator reviews every registration. You can sign in once it is approved."),
                form, problems, submit, back);
        showFieldsFor(Role.PATIENT);
    }

    private void configureFields() {
        role.setId("role");
        role.setItems(Role.DOCTOR, Role.PATIENT, Role.PHARMACIST);
        role.setItemLabelGenerator(Role::label);
        role.setValue(Role.PATIENT);
        role.addValueChangeListener(e -> showFieldsFor(e.getValue()));
        id(fullName, "fullName").setMaxLength(RegistrationRules.MAX_NAME);
        id(mobile, "mobile").setHelperText("International form, such as +44 7700 900123");
        id(email, "email").setMaxLength(RegistrationRules.MAX_EMAIL);
        id(dateOfBirth, "dateOfBirth").setMax(LocalDate.now());
        id(address, "address").setMaxLength(RegistrationRules.MAX_ADDRESS);
        id(registrationNumber, "registrationNumber").setHelperText("4 to 20 letters, digits, '-' or '/'");
        id(provider, "provider").setItemLabelGenerator(ProviderView::name);
        id(insuranceProvider, "insuranceProvider");
        id(policyNumber, "policyNumber").setHelperText("4 to 20 letters, digits, '-' or '/'");
        id(password, "password").setHelperText("At least " + PasswordPolicy.MIN_LENGTH + " characters; a passphrase is best");
        id(confirmPassword, "confirmPassword");
        errors.bind(ROLE, role).bind(FULL_NAME, fullName).bind(MOBILE, mobile).bind(EMAIL, email)
                .bind(DATE_OF_BIRTH, dateOfBirth).bind(ADDRESS, address).bind(REGISTRATION_NUMBER, registrationNumber)
                .bind(PROVIDER, provider).bind(INSURANCE_PROVIDER, insuranceProvider).bind(POLICY_NUMBER, policyNumber)
                .bind(PASSWORD, password).bind(REPEATED_PASSWORD, confirmPassword);
        // the server's rules are the only ones: a browser-side check would mark a field on blur or
        // clear the server's message, so a person would not see every problem at once
        List.<HasValidationProperties>of(fullName, mobile, email, dateOfBirth, address, registrationNumber, provider,
                insuranceProvider, policyNumber, password, confirmPassword).forEach(f -> f.setManualValidation(true));
    }

    private static <T extends Component> T id(T component, String id) {
        component.setId(id);
        return component;
    }

    private void showFieldsFor(Role chosen) {
        boolean doctor = chosen == Role.DOCTOR, patient = chosen == Role.PATIENT, pharmacist = chosen == Role.PHARMACIST;
        dateOfBirth.setVisible(doctor || patient);
        address.setVisible(doctor || patient);
        registrationNumber.setVisible(doctor || pharmacist);
        registrationNumber.setLabel(doctor ? "Medical registration number" : "Pharmacy licence number");
        provider.setVisible(doctor || pharmacist);
        provider.setLabel(doctor ? "Hospital" : "Pharmacy");
        List<ProviderView> options = doctor ? providers.ofKind(ProviderKind.HOSPITAL)
                : pharmacist ? providers.ofKind(ProviderKind.PHARMACY) : List.of();
        provider.setItems(options);
        insuranceProvider.setVisible(patient);
        policyNumber.setVisible(patient);
    }

    void submit() {
        errors.clear();
        problems.setVisible(false);
        RegistrationRequest request = new RegistrationRequest(role.getValue(), fullName.getValue(), mobile.getValue(),
                email.getValue(), dateOfBirth.getValue(), address.getValue(), registrationNumber.getValue(),
                provider.getValue() == null ? null : provider.getValue().id(), insuranceProvider.getValue(),
                policyNumber.getValue(), password.getValue());
        try {
            registration.register(request, confirmPassword.getValue());
        } catch (InvalidInputException invalid) {
            showProblems(invalid);
            return;
        }
        removeAll();
        Paragraph done = new Paragraph("Thank you, " + fullName.getValue().strip()
                + ". An administrator will review your registration; you can sign in once it is approved.");
        done.setId("registration-done");
        add(new H3("Registration received"), done, new Anchor("login", "Go to sign-in"));
    }

    /** Every problem at its field, a count beside the button, and the first marked field focused. */
    private void showProblems(InvalidInputException invalid) {
        errors.show(invalid);
        if (invalid.fieldErrors().containsKey(DATE_OF_BIRTH) && dateOfBirth.hasUnreadableInput()) {
            // the server saw no date because the browser could not read the one typed: say that, not "enter"
            dateOfBirth.setErrorMessage("This is not a date the form can read; type it as the calendar shows dates, or pick it there");
        }
        int count = invalid.fieldErrors().size();
        problems.setText(count == 1 ? "One field needs correcting; its message is next to it."
                : count + " fields need correcting; each message is next to its field.");
        problems.setVisible(true);
        List.<Component>of(role, fullName, mobile, email, dateOfBirth, address, registrationNumber, provider, insuranceProvider,
                        policyNumber, password, confirmPassword).stream()
                .filter(c -> c.isVisible() && c instanceof HasValidation v && v.isInvalid() && c instanceof Focusable<?>)
                .findFirst().ifPresent(c -> ((Focusable<?>) c).focus());
    }

    /** A date picker that tells whether something was typed that is not a date (then its value is empty). */
    static final class BirthDatePicker extends DatePicker {

        BirthDatePicker(String label) {
            super(label);
        }

        boolean hasUnreadableInput() {
            return isInputUnparsable();
        }
    }
}
