package org.careledger.pharmacy.ui;

import java.time.LocalDate;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import org.careledger.common.ui.BrowserTime;
import org.careledger.common.ui.FieldErrors;
import org.careledger.common.ui.LedgerPolling;
import org.careledger.common.ui.ResponsiveGrid;
import org.careledger.common.ui.ServiceCalls;
import org.careledger.contracts.InvoiceState;
import org.careledger.identity.AppRoles;
import org.careledger.pharmacy.Dispensary;
import org.careledger.pharmacy.FillView;
import org.careledger.pharmacy.PrescriptionDetails;
import org.careledger.pharmacy.PrescriptionView;

/**
 * One prescription as the pharmacist dispenses it: its content (opening the page is a read, recorded
 * on the ledger), the price a unit sells at here, the dispensing form (quantity, the pack's batch
 * and expiry) and its fills with their invoices, live: "paid in block N" appears as soon as the
 * patient's payment is mined. A fill may be reversed within 24 hours.
 */
@Route("pharmacist/prescriptions/:" + DispenseView.ID)
@PageTitle("Dispense · CareLedger")
@RolesAllowed(AppRoles.PHARMACIST)
class DispenseView extends VerticalLayout implements BeforeEnterObserver {

    static final String ID = "id";

    private final Dispensary dispensary;
    private final H2 title = new H2("Prescription");
    private final VerticalLayout content = new VerticalLayout();
    final IntegerField quantity = new IntegerField("Quantity dispensed");
    final TextField batch = new TextField("Batch number");
    final DatePicker packExpiry = new DatePicker("Pack expiry date");
    final Button dispense = new Button("Dispense and raise the invoice");
    final ResponsiveGrid<FillView> fills = new ResponsiveGrid<>();
    private final Paragraph summary = new Paragraph();
    private final FieldErrors errors = new FieldErrors();
    private final LedgerPolling polling;
    private String prescriptionId;

    DispenseView(Dispensary dispensary) {
        this.dispensary = dispensary;
        setId("dispense-view");
        content.setPadding(false);
        add(title, content);
        polling = new LedgerPolling(this, this::refresh);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        prescriptionId = event.getRouteParameters().get(ID).orElse("");
        content.removeAll();
        Anchor back = new Anchor("pharmacist", "Back to the work queue");
        back.setId("dispense-back");
        back.getElement().setAttribute("router-link", true);
        content.add(back);
        PrescriptionView[] opened = new PrescriptionView[1];
        if (!ServiceCalls.attempt(() -> opened[0] = dispensary.open(prescriptionId), null)) {
            Paragraph no = new Paragraph("This prescription cannot be opened here. Scan the patient's QR code, "
                    + "or ask the patient to send it to your pharmacy.");
            no.setId("dispense-unavailable");
            content.add(no);
            return;
        }
        PrescriptionView p = opened[0];
        title.setText(p.medicineName() + " for " + p.patientName());
        content.add(details(p), createForm(p), new H3("Fills and invoices"), createFills());
        show(p);
    }

    private Div details(PrescriptionView p) {
        PrescriptionDetails d = p.details();
        Div card = new Div();
        card.setId("dispense-details");
        card.addClassName("cl-card");
        card.add(row("Patient", p.patientName() + " (" + p.patientAddress() + ")"), row("Prescribed by", p.prescriberName()
                        + ", " + BrowserTime.format(p.writtenAt()) + (p.issuedBlock() == null ? "" : ", block " + p.issuedBlock())),
                row("Medicine", p.medicineName() + " (RxNorm " + p.medicineCode() + ")"),
                row("Directions", d.directions()), row("Indication", d.indication()),
                row("Quantity", PharmacyUi.quantities(p)), row("Valid until", p.expiresAt() == null ? "" : BrowserTime.format(p.expiresAt())));
        d.warnings().forEach(w -> card.add(row("Warning", w)));
        if (d.overrideReason() != null) {
            card.add(row("Prescribed anyway because", d.overrideReason()));
        }
        return card;
    }

    private static Paragraph row(String label, String value) {
        Span l = new Span(label + ": ");
        l.getStyle().set("font-weight", "600");
        Paragraph line = new Paragraph(l, new Span(value));
        line.getStyle().set("margin", "0.2em 0").set("overflow-wrap", "anywhere");
        return line;
    }

    private VerticalLayout createForm(PrescriptionView p) {
        quantity.setId("dispense-quantity");
        quantity.setMin(1);
        quantity.setValue((int) Math.min(Math.min(p.quantity(), p.remaining()), Integer.MAX_VALUE));
        batch.setId("dispense-batch");
        batch.setMaxLength(40);
        packExpiry.setId("dispense-expiry");
        packExpiry.setMin(LocalDate.now());
        errors.bind("quantity", quantity).bind("batch", batch).bind("packExpiry", packExpiry);
        Paragraph price = new Paragraph();
        price.setId("dispense-price");
        ServiceCalls.attempt(() -> price.setText("Your pharmacy sells a unit at " + dispensary.unitPrice(p.id()).format()
                + " tokens; the invoice is raised to the patient at that price when you dispense."), null);
        dispense.setId("dispense-submit");
        dispense.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dispense.addClickListener(e -> {
            if (ServiceCalls.attempt(() -> dispensary.dispense(prescriptionId, quantity.getValue() == null ? null
                    : quantity.getValue().longValue(), batch.getValue(), packExpiry.getValue()), errors)) {
                FieldErrors.Notifications.success("Dispensing on its way to the ledger, with its invoice");
                batch.clear();
                refresh();
            }
        });
        FormLayout form = new FormLayout(quantity, batch, packExpiry);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 3));
        summary.setId("dispense-summary");
        VerticalLayout box = new VerticalLayout(new H3("Dispense"), summary, price, form, dispense);
        box.setPadding(false);
        box.addClassName("cl-card");
        return box;
    }

    private ResponsiveGrid<FillView> createFills() {
        fills.setId("dispense-fills");
        fills.text("Quantity", f -> Long.toString(f.quantity()));
        fills.text("Pack", f -> f.batch() == null ? "" : f.batch() + ", expires " + BrowserTime.format(f.packExpiry()));
        fills.text("Total", f -> f.total().format() + " tokens");
        fills.text("Invoice", f -> f.invoiceId() == null ? "" : f.invoiceId().hex().substring(0, 12));
        fills.component("Status", f -> {
            Span s = new Span(f.describe());
            s.setId("fill-status-" + f.id().substring(0, 8));
            if (f.invoiceState() == InvoiceState.PAID) {
                s.getElement().getThemeList().add("badge success");
            }
            return s;
        });
        fills.text("By", f -> f.pharmacistName() + ", " + BrowserTime.format(f.askedAt()));
        fills.actions("", this::reverseButton);
        fills.setEmptyStateText("Nothing dispensed yet.");
        fills.setAllRowsVisible(true);
        return fills;
    }

    private Component reverseButton(FillView f) {
        if (f.reversibleUntil() == null || f.block() == null) {
            return new Div();
        }
        Button reverse = new Button("Reverse", e -> {
            if (ServiceCalls.attempt(() -> dispensary.reverse(f.id()), null)) {
                FieldErrors.Notifications.success("Reversal on its way to the ledger: the invoice is cancelled, or refunded if paid");
                refresh();
            }
        });
        reverse.setId("reverse-" + f.id().substring(0, 8));
        reverse.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        reverse.getElement().setAttribute("title", "Possible until " + BrowserTime.format(f.reversibleUntil()));
        return reverse;
    }

    private void show(PrescriptionView p) {
        summary.setText(p.state().label() + ": " + PharmacyUi.quantities(p));
        boolean can = p.state().dispensable() && p.fills().stream().noneMatch(FillView::pending);
        dispense.setEnabled(can);
        fills.setItems(p.fills());
        polling.pendingIf(PharmacyUi.waiting(p) || p.fills().stream().anyMatch(f -> f.invoiceState() == InvoiceState.OPEN));
    }

    private void refresh() {
        ServiceCalls.attempt(() -> show(dispensary.status(prescriptionId)), null);
    }
}
