package org.careledger.pharmacy.ui;

import java.io.ByteArrayInputStream;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import org.careledger.common.ui.BrowserTime;
import org.careledger.common.ui.FieldErrors;
import org.careledger.common.ui.LedgerPolling;
import org.careledger.common.ui.ResponsiveGrid;
import org.careledger.common.ui.ServiceCalls;
import org.careledger.identity.AppRoles;
import org.careledger.pharmacy.FillView;
import org.careledger.pharmacy.PatientPrescriptions;
import org.careledger.pharmacy.PrescriptionView;
import org.careledger.provider.ProviderView;

/**
 * A patient's prescriptions: the active ones first, each with its directions, what is left, when it
 * expires, its QR code to show at any pharmacy and a way to send it to one; then the past ones. A
 * fill's invoice is paid from the wallet.
 */
@Route("patient/prescriptions")
@PageTitle("My prescriptions · CareLedger")
@Menu(order = 5, title = "Prescriptions", icon = "vaadin:pill")
@RolesAllowed(AppRoles.PATIENT)
class MyPrescriptionsView extends VerticalLayout {

    private final PatientPrescriptions prescriptions;
    final ResponsiveGrid<PrescriptionView> active = new ResponsiveGrid<>();
    final ResponsiveGrid<PrescriptionView> past = new ResponsiveGrid<>();
    private final LedgerPolling polling;

    MyPrescriptionsView(PatientPrescriptions prescriptions) {
        this.prescriptions = prescriptions;
        setId("my-prescriptions");
        Paragraph intro = new Paragraph("Show a prescription's QR code at any pharmacy, or send it to one. Each QR code works once: "
                + "after each fill your portal shows a new one. Invoices for what a pharmacy dispensed are paid from your wallet.");
        configure(active, "active-prescriptions", true, "You have no active prescriptions. What a doctor prescribes for you appears here.");
        configure(past, "past-prescriptions", false, "No past prescriptions.");
        add(new H2("My prescriptions"), intro, new H3("Active"), active, new H3("Past"), past);
        polling = new LedgerPolling(this, this::refresh);
        refresh();
    }

    private void configure(ResponsiveGrid<PrescriptionView> grid, String id, boolean actions, String empty) {
        grid.setId(id);
        grid.text("Medicine", PrescriptionView::medicineName);
        grid.component("State", PharmacyUi::stateBadge);
        grid.text("Directions", p -> p.details() == null ? "" : p.details().directions());
        grid.text("Quantity", PharmacyUi::quantities);
        grid.text("Prescribed by", p -> p.prescriberName() + ", " + BrowserTime.format(p.writtenAt()));
        grid.text("Valid until", p -> p.expiresAt() == null ? "" : BrowserTime.format(p.expiresAt()));
        grid.text("Fills", MyPrescriptionsView::fills);
        if (actions) {
            grid.actions("", this::actions);
        }
        grid.setEmptyStateText(empty);
        grid.setAllRowsVisible(true);
    }

    private static String fills(PrescriptionView p) {
        if (p.fills().isEmpty()) {
            return p.sentTo().isEmpty() ? "None yet" : "Sent to " + String.join(", ", p.sentTo());
        }
        return String.join("; ", p.fills().stream().map(f -> f.quantity() + " by " + f.pharmacyName() + ": " + describe(f)).toList());
    }

    private static String describe(FillView f) {
        return f.describe().replace("invoice open", "invoice to pay in your wallet (" + f.total().format() + " tokens)");
    }

    private Component actions(PrescriptionView p) {
        if (!p.state().dispensable()) {
            return new Div();
        }
        Button qr = new Button("Show QR code", e -> showQr(p));
        qr.setId("rx-qr-" + p.shortId());
        qr.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        Button send = new Button("Send to a pharmacy", e -> openSend(p));
        send.setId("rx-send-" + p.shortId());
        send.addThemeVariants(ButtonVariant.LUMO_SMALL);
        HorizontalLayout buttons = new HorizontalLayout(qr, send);
        buttons.setSpacing(true);
        buttons.getStyle().set("flex-wrap", "wrap");
        return buttons;
    }

    private void showQr(PrescriptionView p) {
        ServiceCalls.attempt(() -> {
            PatientPrescriptions.Qr code = prescriptions.qr(p.id());
            Dialog dialog = new Dialog();
            dialog.setHeaderTitle(p.medicineName());
            byte[] png = code.png();
            Image image = new Image(DownloadHandler.fromInputStream(event -> new DownloadResponse(new ByteArrayInputStream(png),
                    "careledger-prescription.png", "image/png", png.length)), "QR code of your prescription of " + p.medicineName());
            image.setId("rx-qr-image");
            image.setWidth("260px");
            image.setMaxWidth("100%");
            Paragraph payload = new Paragraph(code.payload());
            payload.setId("rx-qr-payload");
            payload.addClassName("cl-mono");
            payload.getStyle().set("font-size", "var(--lumo-font-size-xs)").set("overflow-wrap", "anywhere");
            dialog.add(new Paragraph("Show this code at the pharmacy. It works once; after the fill your portal shows a new one."),
                    image, payload);
            Button close = new Button("Close", e -> dialog.close());
            close.setId("rx-qr-close");
            dialog.getFooter().add(close);
            dialog.open();
        }, null);
    }

    private void openSend(PrescriptionView p) {
        List<ProviderView> pharmacies = prescriptions.pharmacies();
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Send " + p.medicineName() + " to a pharmacy");
        Select<ProviderView> pharmacy = new Select<>();
        pharmacy.setId("rx-send-pharmacy");
        pharmacy.setLabel("Pharmacy");
        pharmacy.setItems(pharmacies);
        pharmacy.setItemLabelGenerator(ProviderView::name);
        if (pharmacies.size() == 1) {
            pharmacy.setValue(pharmacies.get(0));
        }
        Button send = new Button("Send", e -> {
            if (pharmacy.getValue() == null) {
                pharmacy.setInvalid(true);
                pharmacy.setErrorMessage("Choose a pharmacy");
                return;
            }
            if (ServiceCalls.attempt(() -> prescriptions.sendTo(p.id(), pharmacy.getValue().id()), null)) {
                dialog.close();
                FieldErrors.Notifications.success("Sent to " + pharmacy.getValue().name() + ": its pharmacists can now dispense it");
                refresh();
            }
        });
        send.setId("rx-send-confirm");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", e -> dialog.close());
        dialog.add(new Paragraph("That pharmacy's pharmacists may then read this prescription, and only this one, to dispense it; "
                + "each read is recorded on the ledger and listed in your access log."), pharmacy);
        dialog.getFooter().add(new HorizontalLayout(cancel, send));
        dialog.open();
    }

    private void refresh() {
        ServiceCalls.attempt(() -> {
            List<PrescriptionView> all = prescriptions.mine();
            active.setItems(all.stream().filter(p -> p.state().active()).toList());
            past.setItems(all.stream().filter(p -> !p.state().active()).toList());
            polling.pendingIf(all.stream().anyMatch(PharmacyUi::waiting));
        }, null);
    }
}
