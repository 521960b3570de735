package org.careledger.ui;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import org.careledger.identity.AppRoles;
import org.careledger.identity.CurrentUser;
import org.careledger.identity.UserProfile;
import org.careledger.provider.Providers;

/** A pharmacist's home: profile, pharmacy and ledger address. */
@Route("pharmacist")
@PageTitle("Pharmacist · CareLedger")
@Menu(order = 1, title = "My profile", icon = "vaadin:pill")
@RolesAllowed(AppRoles.PHARMACIST)
class PharmacistHomeView extends VerticalLayout {

    PharmacistHomeView(CurrentUser currentUser, Providers providers) {
        setId("pharmacist-home");
        UserProfile me = currentUser.require();
        ProfileCard profile = new ProfileCard(me);
        profile.row("Pharmacy", StaffHome.providerName(providers, me));
        profile.row("Pharmacy licence", me.registrationNumber());
        add(new H2("Welcome, " + me.fullName()), profile);
    }
}
