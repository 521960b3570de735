package org.careledger.records.ui;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import org.careledger.common.ui.BrowserTime;
import org.careledger.common.ui.ResponsiveGrid;
import org.careledger.common.ui.ServiceCalls;
import org.careledger.identity.AppRoles;
import org.careledger.records.AccessEventView;
import org.careledger.records.EmergencyView;
import org.careledger.records.PatientConsent;
import org.careledger.records.RecordLabels;
import org.careledger.records.RecordVisitView;

/**
 * Every visit to the patient's record by someone else, as the ledger recorded it: who, when, which
 * entries, under which grant or emergency; a click opens the visit's single reads, each naming the
 * entry read. Then each emergency access.
 */
@Route("patient/access-log")
@PageTitle("Who viewed my record · CareLedger")
@Menu(order = 4, title = "Who viewed my record", icon = "vaadin:eye")
@RolesAllowed(AppRoles.PATIENT)
class AccessLogView extends VerticalLayout {

    /** How many entries a visit's row names before it says how many more. */
    static final int NAMED_IN_ROW = 3;

    final ResponsiveGrid<RecordVisitView> log = new ResponsiveGrid<>();
    final ResponsiveGrid<EmergencyView> emergencies = new ResponsiveGrid<>();

    AccessLogView(PatientConsent consents) {
        setId("access-log");
        add(new H2("Who viewed my record"),
                new Paragraph("Each read is recorded on the ledger before the reader sees anything. "
                        + "One row is one visit; click it to see each entry read."),
                createLog(), new H3("Emergency accesses"), createEmergencies());
        ServiceCalls.attempt(() -> {
            log.setItems(consents.visitsToMyRecord());
            emergencies.setItems(consents.myEmergencies());
        }, null);
    }

    private ResponsiveGrid<RecordVisitView> createLog() {
        log.setId("access-log-grid");
        log.text("Who", v -> v.reader().nameOrAddress());
        log.text("When", v -> BrowserTime.format(v.readAt()));
        log.text("Provider", v -> v.reader().provider() == null ? "" : v.reader().provider());
        log.text("Entries read", AccessLogView::entries);
        log.text("Records", v -> RecordsUi.categories(v.categories()));
        log.text("Purpose", v -> String.join(", ", v.purposes().stream().map(RecordLabels::purpose).toList()));
        log.text("Under", RecordVisitView::basisKinds);
        log.setItemDetailsRenderer(new ComponentRenderer<>(AccessLogView::reads));
        log.setEmptyStateText("Nobody has read your record. When a doctor you gave access to (or one who declares an emergency) "
                + "opens it, the visit is listed here with each entry they read.");
        log.setAllRowsVisible(true);
        return log;
    }

    /** "Penicillin; Metformin 500 mg; Asthma and 2 more". */
    static String entries(RecordVisitView v) {
        List<String> names = v.reads().stream().map(AccessEventView::entryName).toList();
        String shown = String.join("; ", names.subList(0, Math.min(NAMED_IN_ROW, names.size())));
        return names.size() <= NAMED_IN_ROW ? shown : shown + " and " + (names.size() - NAMED_IN_ROW) + " more";
    }

    /** The visit's single reads, each naming its entry, its kind, and the grant or emergency it was made under. */
    static Component reads(RecordVisitView v) {
        UnorderedList list = new UnorderedList();
        for (AccessEventView read : v.reads()) {
            String under = read.purpose() == null ? read.basisKind().toLowerCase(java.util.Locale.ROOT)
                    : read.basisKind().toLowerCase(java.util.Locale.ROOT) + " for " + RecordLabels.purpose(read.purpose());
            list.add(new ListItem(read.entryName() + " (" + RecordsUi.category(read.category()) + "), under the " + under
                    + "; on the ledger since " + BrowserTime.format(read.recordedAt())));
        }
        Div details = new Div(list);
        details.addClassName("visit-reads");
        return details;
    }

    private ResponsiveGrid<EmergencyView> createEmergencies() {
        emergencies.setId("emergencies-grid");
        emergencies.text("Doctor", e -> RecordsUi.who(e.doctor()));
        emergencies.text("From", e -> BrowserTime.format(e.start()));
        emergencies.text("Until", e -> BrowserTime.format(e.end()));
        emergencies.text("Reason", EmergencyView::reason);
        emergencies.text("Review", AccessLogView::review);
        emergencies.setEmptyStateText("No emergency access to your record. If a doctor ever opens it without your consent, "
                + "it is listed here with their reason and an admin's review.");
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
