package org.careledger.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import org.careledger.identity.DemoAccounts;
import org.careledger.identity.Role;
import org.junit.jupiter.api.Test;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class RoleHomeViewsTest extends KaribuTest {

    @Test
    void aPatientSeesTheirQrCodeAndGanacheLedgerAddress() {
        login(DemoAccounts.PATIENT.username(), Role.PATIENT);
        UI.getCurrent().navigate("patient");

        _get(PatientHomeView.class);
        _assertOne(Image.class, spec -> spec.withId("patient-qr"));
        assertThat(_get(Span.class, spec -> spec.withId("ledger-address")).getText())
                .isEqualTo("0x22d491Bde2303f2f43325b2108D26f1eAbA1e32b");
        assertThat(_get(Paragraph.class, spec -> spec.withId("qr-payload")).getText())
                .startsWith("careledger:patient:0x22d491Bde2303f2f43325b2108D26f1eAbA1e32b?h=");
    }

    @Test
    void aDoctorSeesTheirHospitalAndAddress() {
        login(DemoAccounts.DOCTOR.username(), Role.DOCTOR);
        UI.getCurrent().navigate("doctor");

        _get(DoctorHomeView.class);
        assertThat(_get(Span.class, spec -> spec.withId("ledger-address")).getText())
                .isEqualTo("0xFFcf8FDEE72ac11b5c542428B35EEF5769C409f0");
        _assertNone(Image.class, spec -> spec.withId("patient-qr"));
    }

    @Test
    void aPharmacistSeesTheirHome() {
        login(DemoAccounts.PHARMACIST.username(), Role.PHARMACIST);
        UI.getCurrent().navigate("pharmacist/profile");

        _get(PharmacistHomeView.class);
        assertThat(_get(Span.class, spec -> spec.withId("ledger-address")).getText()).matches("0x[0-9a-fA-F]{40}");
    }

    @Test
    void theRootSendsEachRoleToItsHome() {
        login(DemoAccounts.DOCTOR.username(), Role.DOCTOR);
        UI.getCurrent().navigate("");
        _get(DoctorHomeView.class);
    }

    @Test
    void aPatientOpeningTheAdminPageDoesNotSeeIt() {
        login(DemoAccounts.PATIENT.username(), Role.PATIENT);
        Throwable thrown = null;
        try {
            UI.getCurrent().navigate("admin");
        } catch (RuntimeException e) {
            thrown = e;
        }
        _assertNone(VerticalLayout.class, spec -> spec.withId("admin-home"));
        // What the patient is shown instead: the portal's access-denied page.
        assertThat(thrown).isNull();
        _assertOne(AccessDeniedView.class);
    }

    @Test
    void nobodySignedInCannotOpenAHomePage() {
        UI.getCurrent().navigate("patient");
        _assertNone(PatientHomeView.class);
        _assertOne(org.careledger.identity.ui.LoginView.class);
    }
}
