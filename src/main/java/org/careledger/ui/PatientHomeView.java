package org.careledger.ui;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import org.careledger.identity.AppRoles;
import org.careledger.identity.CurrentUser;
import org.careledger.identity.PatientQrCodes;
import org.careledger.identity.UserProfile;

/** A patient's home: their profile, ledger address and the QR code a doctor scans to find them. */
@Route("patient")
@PageTitle("My profile · CareLedger")
@Menu(order = 1, title = "My profile", icon = "vaadin:user-heart")
@RolesAllowed(AppRoles.PATIENT)
class PatientHomeView extends VerticalLayout {

    PatientHomeView(CurrentUser currentUser, PatientQrCodes qrCodes) {
        setId("patient-home");
        UserProfile me = currentUser.require();
        ProfileCard profile = new ProfileCard(me);
        profile.row("Health insurance", me.insuranceProvider() + " · policy " + me.policyNumber());
        profile.getStyle().set("flex", "1 1 20rem").set("min-width", "0");
        // side by side on a laptop, the QR card under the profile on a phone
        FlexLayout cards = new FlexLayout(profile, createQrCard(qrCodes));
        cards.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        cards.getStyle().set("gap", "var(--lumo-space-m)");
        cards.setWidthFull();
        add(new H2("Welcome, " + me.fullName()), cards);
    }

    private Div createQrCard(PatientQrCodes qrCodes) {
        String payload = qrCodes.myPayload();
        byte[] png = qrCodes.myPng();
        DownloadHandler image = DownloadHandler.fromInputStream(event ->
                new DownloadResponse(new java.io.ByteArrayInputStream(png), "careledger-patient-qr.png", "image/png", png.length));
        Image qr = new Image(image, "Your CareLedger QR code");
        qr.setId("patient-qr");
        qr.setWidth("240px");
        qr.setMaxWidth("100%");
        Anchor download = new Anchor(image, "Download QR code (PNG)");
        download.setId("download-qr");
        download.getElement().setAttribute("download", true);
        Paragraph text = new Paragraph(payload);
        text.addClassName("cl-mono");
        text.setId("qr-payload");
        text.getStyle().set("font-size", "var(--lumo-font-size-xs)");
        Div card = new Div(new H3("Your QR code"),
                new Paragraph("Show it to a doctor to let them ask for access to your record. It holds your ledger address and a salted fingerprint of your registered details, nothing else."),
                qr, download, text);
        card.addClassName("cl-card");
        card.setMaxWidth("320px");
        card.getStyle().set("min-width", "0").set("box-sizing", "border-box");
        return card;
    }
}
