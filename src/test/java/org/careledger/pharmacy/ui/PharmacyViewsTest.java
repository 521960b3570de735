package org.careledger.pharmacy.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import org.careledger.identity.DemoAccounts;
import org.careledger.identity.Role;
import org.careledger.identity.UserProfile;
import org.careledger.ui.KaribuTest;
import org.junit.jupiter.api.Test;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pharmacy's pages as their users meet them: the pharmacist lands on the dispensary, whose
 * scanner refuses what is not a prescription's code (and an id without its secret) in plain words; a
 * doctor without consent is told why they cannot prescribe; a patient without prescriptions is told
 * where they will appear.
 */
class PharmacyViewsTest extends KaribuTest {

    @Test
    void thePharmacistsHomeIsTheDispensaryAndItsScannerRefusesWhatIsNotAPrescriptionsCode() {
        login(DemoAccounts.PHARMACIST.username(), Role.PHARMACIST);
        UI.getCurrent().navigate("pharmacist");
        DispensaryView view = _get(DispensaryView.class);

        _setValue(view.code, "careledger:patient:0x0000000000000000000000000000000000000000?h=00&v=1");
        _click(_get(Button.class, spec -> spec.withId("scan-open")));
        assertThat(view.code.isInvalid()).isTrue();
        assertThat(view.code.getErrorMessage()).isEqualTo("This is not the QR code of a CareLedger prescription");

        _setValue(view.code, "careledger:rx:123e4567-e89b-12d3-a456-426614174000");
        _click(_get(Button.class, spec -> spec.withId("scan-open")));
        expectNotifications(org.careledger.pharmacy.Dispensary.DOES_NOT_OPEN);
    }

    @Test
    void aDoctorWithoutConsentIsToldWhyTheyCannotPrescribe() {
        UserProfile patient = accounts().active(Role.PATIENT);
        login(DemoAccounts.DOCTOR.username(), Role.DOCTOR);
        UI.getCurrent().navigate("doctor/prescribe/" + patient.ledgerAddress());

        assertThat(_get(Paragraph.class, spec -> spec.withId("rx-no-consent")).getText()).contains("consent covers their medication");
    }

    @Test
    void aPatientWithoutPrescriptionsIsToldWhereTheyWillAppear() {
        UserProfile patient = accounts().active(Role.PATIENT);
        login(patient.username(), Role.PATIENT);
        UI.getCurrent().navigate("patient/prescriptions");

        MyPrescriptionsView view = _get(MyPrescriptionsView.class);
        assertThat(view.active.getEmptyStateText()).contains("What a doctor prescribes for you appears here");
    }
}
