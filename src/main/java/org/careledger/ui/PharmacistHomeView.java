package org.careledger.ui;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.html.Anchor;
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

/**
 * A pharmacist's profile: their pharmacy, licence and ledger address, and a link to their pharmacy's
 * prices. Their home is the dispensary's work queue (route {@code pharmacist}, in the pharmacy module).
 */
@Route("pharmacist/profile")
@PageTitle("My profile · CareLedger")
@Menu(order = 1, title = "My profile", icon = "vaadin:user")
@RolesAllowed(AppRoles.PHARMACIST)
class PharmacistHomeView extends VerticalLayout {

    PharmacistHomeView(CurrentUser currentUser, Providers providers) {
        setId("pharmacist-profile");
        UserProfile me = currentUser.require();
        ProfileCard profile = new ProfileCard(me);
        profile.row("Pharmacy", StaffHome.providerName(providers, me));
        profile.row("Pharmacy licence", me.registrationNumber());
        Anchor prices = new Anchor("pharmacist/prices", "Your pharmacy's prices");
        prices.setId("pharmacy-prices-link");
        prices.getElement().setAttribute("router-link", true); // the portal's router, no page reload
        add(new H2(me.fullName()), profile, new Paragraph(prices));
    }
}
