package org.careledger.ui;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
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
 * A pharmacist's home: what this page will hold once dispensing comes to the portal, then the
 * pharmacist's profile, pharmacy and ledger address.
 */
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
        add(new H2("Welcome, " + me.fullName()), comingSoon(), profile);
    }

    /** Until prescriptions reach the portal, the page says what will appear here instead of nothing. */
    private static Div comingSoon() {
        Div card = new Div();
        card.setId("pharmacy-coming");
        card.addClassName("cl-card");
        Paragraph text = new Paragraph("Prescriptions are not yet dispensed through CareLedger on this install. "
                + "When they are, the prescriptions doctors write for their patients will be listed here for your pharmacy: "
                + "you will dispense them, an invoice will be raised for the patient automatically, "
                + "and the patient will pay it from their wallet in tokens. "
                + "Your pharmacy's prices, which those invoices will use, can be set already.");
        text.addClassName("cl-empty");
        Anchor prices = new Anchor("pharmacist/prices", "Your pharmacy's prices");
        prices.setId("pharmacy-prices-link");
        prices.getElement().setAttribute("router-link", true); // the portal's router, no page reload
        card.add(new H3("Prescriptions to dispense"), text, prices);
        return card;
    }
}
