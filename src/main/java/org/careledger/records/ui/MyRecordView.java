package org.careledger.records.ui;

import java.util.EnumSet;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import org.careledger.common.ui.BrowserTime;
import org.careledger.common.ui.FieldErrors;
import org.careledger.common.ui.LedgerPolling;
import org.careledger.common.ui.ResponsiveGrid;
import org.careledger.common.ui.ServiceCalls;
import org.careledger.contracts.RecordCategory;
import org.careledger.identity.AppRoles;
import org.careledger.records.EntryStatus;
import org.careledger.records.Integrity;
import org.careledger.records.PatientRecords;
import org.careledger.records.RecordExchange;
import org.springframework.beans.factory.ObjectProvider;
import org.careledger.records.RecordEntryView;

/**
 * A patient's own record, each entry checked against its ledger anchor; the entries doctors wrote
 * that wait for the patient's approval; a self-reported entry; and asking for an entry's erasure.
 */
@Route("patient/record")
@PageTitle("My record · CareLedger")
@Menu(order = 2, title = "My record", icon = "vaadin:file-text-o")
@RolesAllowed(AppRoles.PATIENT)
class MyRecordView extends VerticalLayout implements BeforeEnterObserver {

    private final PatientRecords records;
    final VerticalLayout pending = new VerticalLayout();
    final ResponsiveGrid<RecordEntryView> entries = new ResponsiveGrid<>();
    private final LedgerPolling polling;
    /** The entry a notification's "Open" named ({@code ?entry=ID}): singled out where it stands. */
    private String namedEntry;

    MyRecordView(PatientRecords records, ObjectProvider<RecordExchange> exports) {
        this.records = records;
        this.polling = new LedgerPolling(this, this::refresh);
        setId("my-record");
        pending.setId("pending-entries");
        pending.setPadding(false);
        Details selfReport = new Details("Add a self-reported entry", new EntryForm(EnumSet.allOf(RecordCategory.class),
                records::addSelfReported, () -> {
                    FieldErrors.Notifications.success("Your entry was added and is being anchored on the ledger");
                    refresh();
                }));
        selfReport.setId("self-report");
        add(new H2("My record"));
        RecordExchange.of(exports).ifPresent(export -> add(ExportLink.of("fhir-download", "careledger-my-record-fhir.json",
                export.label(), export::exportMine)));
        add(pending, new H3("Entries"), createEntriesGrid(), selfReport);
        RecordExchange.of(exports).ifPresent(exchange -> add(createImport(exchange)));
        refresh();
    }

    /** A FHIR file from another hospital: its entries wait for the patient's approval, as a doctor's do. */
    private ImportSection createImport(RecordExchange exchange) {
        return new ImportSection("Import a FHIR file", "A FHIR R4 Bundle in JSON (at most LIMIT), e.g. another hospital's export. "
                + "Diagnoses, measurements, allergies, medicines, notes and attached files wait for your approval above; nothing joins "
                + "your record before. The file is read in the background: you may leave this page meanwhile.", exchange.maxImportBytes(),
                exchange::importMine, exchange::myRunningImport, this::refresh);
    }

    private ResponsiveGrid<RecordEntryView> createEntriesGrid() {
        entries.setId("record-grid");
        entries.setItemDetailsRenderer(EntryDetails.renderer());
        entries.text("Entry", MyRecordView::summary);
        entries.text("Category", e -> RecordsUi.category(e.category()));
        entries.text("Date", RecordsUi::date);
        entries.text("From", e -> RecordsUi.from(e, "You (self-reported)"));
        entries.component("Integrity", e -> RecordsUi.integrityBadge(e.integrity()));
        entries.actions("Proof", e -> e.provable()
                ? ProofLinks.of(e.entryId().value(), () -> records.proofOf(e.entryId())) : new Span());
        entries.actions("Erasure", this::erasureCell);
        entries.setEmptyStateText("Your record is empty. Entries appear here when you approve what a doctor wrote for you, "
                + "or when you add one yourself below.");
        entries.setAllRowsVisible(true);
        return entries;
    }

    private static String summary(RecordEntryView e) {
        if (e.status() == EntryStatus.ERASED) {
            return "erased on " + BrowserTime.format(e.erasedAt());
        }
        return e.content() == null ? "" : e.content().summary();
    }

    private Span erasureCell(RecordEntryView e) {
        Span cell = new Span();
        if (e.status() == EntryStatus.ERASED) {
            cell.setText("erased on " + BrowserTime.format(e.erasedAt()));
        } else if (e.erasureRequestedAt() != null) {
            cell.setText("requested " + BrowserTime.format(e.erasureRequestedAt()));
        } else if (e.erasureRequestable()) {
            Button erase = new Button("Request erasure", click -> new CommentDialog("erasure", "Ask to erase this entry",
                    "Reason for the admins (optional)", "reason", "Ask for erasure",
                    reason -> records.requestErasure(e.entryId(), reason), () -> {
                        FieldErrors.Notifications.success("An admin will confirm the erasure");
                        refresh();
                    }).open());
            erase.setId("request-erasure-button-" + e.entryId());
            erase.addClassName("request-erasure-button");
            erase.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            cell.add(erase);
        }
        return cell;
    }

    private Div createPendingCard(RecordEntryView e) {
        Div card = new Div();
        card.addClassNames("cl-card", "pending-entry");
        card.setId("pending-entry-" + e.entryId());
        if (e.entryId().value().equals(namedEntry)) {
            RecordsUi.singleOut(card);
        }
        card.add(new H4(RecordsUi.category(e.category()) + " from " + e.author()),
                new Paragraph(e.content() == null ? "" : e.content().summary()));
        if (e.content() != null && e.content().code() != null) {
            card.add(new Paragraph(e.content().codeSystem() + " " + e.content().code()));
        }
        if (e.content() != null && e.content().text() != null && e.content().display() != null) {
            card.add(new Paragraph(e.content().text()));
        }
        card.add(new Paragraph("Dated " + RecordsUi.date(e) + " · written " + BrowserTime.format(e.createdAt())));
        Button approve = new Button("Approve", click -> {
            if (ServiceCalls.attempt(() -> records.approveEntry(e.entryId()), null)) {
                FieldErrors.Notifications.success("The entry is now part of your record");
            }
            refresh();
        });
        approve.setId("approve-entry-button-" + e.entryId());
        approve.addClassName("approve-entry-button");
        approve.addThemeVariants(ButtonVariant.LUMO_SUCCESS, ButtonVariant.LUMO_PRIMARY);
        Button reject = new Button("Reject", click -> new CommentDialog("reject-entry", "Reject the entry",
                "Tell the doctor why", "comment", "Reject entry", comment -> records.rejectEntry(e.entryId(), comment), this::refresh).open());
        reject.setId("reject-entry-button-" + e.entryId());
        reject.addClassName("reject-entry-button");
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
        card.add(new HorizontalLayout(approve, reject));
        return card;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        namedEntry = RecordsUi.parameter(event, "entry").orElse(null);
        if (namedEntry != null) {
            refresh();
        }
    }

    void refresh() {
        List<RecordEntryView> waiting;
        List<RecordEntryView> mine;
        try {
            waiting = records.myPendingEntries();
            mine = records.myRecord();
        } catch (RuntimeException e) {
            ServiceCalls.report(e);
            polling.pendingIf(false);
            return;
        }
        pending.removeAll();
        if (!waiting.isEmpty()) {
            pending.add(new H3("Waiting for your approval"));
            waiting.forEach(e -> pending.add(createPendingCard(e)));
        }
        entries.setItems(mine);
        mine.stream().filter(e -> e.entryId().value().equals(namedEntry)).findFirst().ifPresent(entries::select);
        polling.pendingIf(mine.stream().anyMatch(e -> e.integrity() == Integrity.AWAITING_ANCHOR));
    }
}
