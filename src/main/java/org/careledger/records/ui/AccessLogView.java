package org.careledger.records.ui;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import org.careledger.common.ui.BrowserTime;
import org.careledger.identity.AppRoles;
import org.careledger.records.AccessEventView;
import org.careledger.records.EmergencyView;
import org.careledger.records.PatientConsent;
import org.careledger.records.RecordLabels;

/** Every read of the patient's record by someone else, as the ledger recorded it, and each emergency access. */
@Route("patient/access-log")
@PageTitle("Who viewed my record · CareLedger")
@Menu(order = 4, title = "Who viewed my record", icon = "vaadin:eye")
@RolesAllowed(AppRoles.PATIENT)
class AccessLogView extends VerticalLayout {

    final Grid<AccessEventView> log = new Grid<>(AccessEventView.class, false);
    final Grid<EmergencyView> emergencies = new Grid<>(EmergencyView.class, false);

    AccessLogView(PatientConsent consents) {
        setId("access-log");
        add(new H2("Who viewed my record"),
                new Paragraph("Each read is recorded on the ledger before the reader sees anything."),
                createLog(), new H3("Emergency accesses"), createEmergencies());
        RecordsUi.attempt(() -> {
            log.setItems(consents.whoViewedMyRecord());
            emergencies.setItems(consents.myEmergencies());
        }, null);
    }

    private Grid<AccessEventView> createLog() {
        log.setId("access-log-grid");
        log.addColumn(e -> BrowserTime.format(e.readAt())).setHeader("When").setAutoWidth(true);
        log.addColumn(e -> e.reader().nameOrAddress()).setHeader("Who").setAutoWidth(true);
        log.addColumn(e -> e.reader().provider() == null ? "" : e.reader().provider()).setHeader("Provider").setAutoWidth(true);
        log.addColumn(e -> RecordsUi.category(e.category())).setHeader("Record").setAutoWidth(true);
        log.addColumn(e -> e.purpose() == null ? "" : RecordLabels.purpose(e.purpose())).setHeader("Purpose").setAutoWidth(true);
        log.addColumn(AccessEventView::basisKind).setHeader("Under").setAutoWidth(true);
        log.setAllRowsVisible(true);
        return log;
    }

    private Grid<EmergencyView> createEmergencies() {
        emergencies.setId("emergencies-grid");
        emergencies.addColumn(e -> RecordsUi.who(e.doctor())).setHeader("Doctor").setAutoWidth(true);
        emergencies.addColumn(e -> BrowserTime.format(e.start())).setHeader("From").setAutoWidth(true);
        emergencies.addColumn(e -> BrowserTime.format(e.end())).setHeader("Until").setAutoWidth(true);
        emergencies.addColumn(EmergencyView::reason).setHeader("Reason").setFlexGrow(1);
        emergencies.addColumn(AccessLogView::review).setHeader("Review").setAutoWidth(true);
        emergencies.setAllRowsVisible(true);
        return emergencies;
    }

    static String review(EmergencyView e) {
        if (e.reviewPending() || e.justified() == null) {
            return "Waiting for an admin's review";
        }
        String verdict = e.justified() ? "Justified" : "Not justified";
        return verdict + (e.reviewComment() == null ? "" : ": " + e.reviewComment());
    }
}
