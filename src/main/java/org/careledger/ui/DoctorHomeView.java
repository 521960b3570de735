package org.careledger.ui;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import org.careledger.identity.AppRoles;
import org.careledger.identity.CurrentUser;
import org.careledger.identity.UserProfile;
import org.careledger.provider.Providers;

/** A doctor's home: profile, hospital and ledger address. */
@Route("doctor")
@PageTitle("Doctor · CareLedger")
@Menu(order = 1, title = "My profile", icon = "vaadin:doctor")
@RolesAllowed(AppRoles.DOCTOR)
class DoctorHomeView extends VerticalLayout {

    DoctorHomeView(CurrentUser currentUser, Providers providers) {
        setId("doctor-home");
        UserProfile me = currentUser.require();
        ProfileCard profile = new ProfileCard(me);
        profile.row("Hospital", StaffHome.providerName(providers, me));
        profile.row("Medical registration", me.registrationNumber());
        add(new H2("Welcome, " + me.fullName()), profile,
                new Paragraph("Patients show you their CareLedger QR code to let you ask for access to their records."));
    }
}
