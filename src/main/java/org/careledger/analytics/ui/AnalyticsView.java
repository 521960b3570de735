package org.careledger.analytics.ui;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import java.util.List;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H3;
import org.careledger.analytics.AnalyticsScope;
import org.careledger.analytics.AnalyticsUpdates;
import org.careledger.analytics.LedgerAnalytics;
import org.careledger.analytics.ChartData;
import org.careledger.analytics.ClinicalAnalytics;
import org.careledger.analytics.Grain;
import org.careledger.analytics.Period;
import org.careledger.common.ui.ServiceCalls;
import org.careledger.identity.AppRoles;

/**
 * The admin's analytics page: the hospital's clinical figures as charts for a period of fixed calendar
 * buckets (the months of a year, the quarters of three years, ten years) and a provider, each with its
 * table, CSV and PNG. Counts of fewer than 5 patients show as "&lt; 5".
 */
@Route("admin/analytics")
@PageTitle("Analytics · CareLedger")
@Menu(order = 11, title = "Analytics", icon = "vaadin:chart")
@RolesAllowed(AppRoles.ADMIN)
class AnalyticsView extends VerticalLayout {

    private final ClinicalAnalytics analytics;
    private final LedgerAnalytics ledger;
    private final AnalyticsUpdates updates;
    private Runnable unsubscribe;
    private long clinicalVersion = -1;
    final ChartsPanel ledgerCharts = new ChartsPanel("analytics-ledger-charts");
    final Select<Grain> grain = new Select<>();
    final Select<Integer> year = new Select<>();
    final Select<AnalyticsScope> scope = new Select<>();
    final ChartsPanel charts = new ChartsPanel("analytics-charts");

    AnalyticsView(ClinicalAnalytics analytics, LedgerAnalytics ledger, AnalyticsUpdates updates) {
        this.analytics = analytics;
        this.ledger = ledger;
        this.updates = updates;
        setId("analytics-view");
        Paragraph intro = new Paragraph("Counts from the read model, never from patients' records. Any count of fewer than 5 patients "
                + "shows as “< 5”, and so does whatever would let it be worked out from a total.");
        grain.setLabel("Period");
        grain.setId("analytics-grain");
        grain.setItems(Grain.values());
        grain.setItemLabelGenerator(Grain::label);
        year.setLabel("Ending with");
        year.setId("analytics-year");
        scope.setLabel("Provider");
        scope.setId("analytics-scope");
        scope.setItemLabelGenerator(AnalyticsScope::label);
        HorizontalLayout filters = new HorizontalLayout(grain, year, scope);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.getStyle().set("flex-wrap", "wrap");
        H3 ledgerTitle = new H3("The ledger");
        Paragraph ledgerIntro = new Paragraph("The chain's own figures, updated as blocks arrive. They count blocks and transactions, not patients.");
        add(new H2("Analytics"), intro, filters, charts, ledgerTitle, ledgerIntro, ledgerCharts);

        ServiceCalls.attempt(() -> {
            List<Integer> years = analytics.years();
            year.setItems(years);
            List<AnalyticsScope> scopes = analytics.scopes();
            scope.setItems(scopes);
            Period initial = analytics.defaultPeriod();
            grain.setValue(initial.grain());
            year.setValue(initial.endYear());
            scope.setValue(scopes.get(0));
        }, null);
        grain.addValueChangeListener(e -> show());
        year.addValueChangeListener(e -> show());
        scope.addValueChangeListener(e -> show());
        show();
        showLedger();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        UI ui = attachEvent.getUI();
        Runnable blocks = updates.subscribe(height -> ui.access(this::showLedger));
        Runnable figures = updates.subscribeToFigures(() -> ui.access(() -> {
            if (analytics.version() != clinicalVersion) {
                show();
            }
        }));
        unsubscribe = () -> {
            blocks.run();
            figures.run();
        };
        // figures made ready between the first drawing and this subscription were not pushed here: catch up
        if (analytics.version() != clinicalVersion) {
            show();
        }
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (unsubscribe != null) {
            unsubscribe.run();
            unsubscribe = null;
        }
        super.onDetach(detachEvent);
    }

    private void showLedger() {
        List<ChartData>[] found = new List[1];
        if (ServiceCalls.attempt(() -> found[0] = ledger.charts(), null)) {
            ledgerCharts.show(found[0], null);
        }
    }

    private void show() {
        if (grain.getValue() == null || year.getValue() == null || scope.getValue() == null) {
            charts.clear();
            return;
        }
        Period period = new Period(grain.getValue(), year.getValue());
        List<ChartData>[] found = new List[1];
        clinicalVersion = analytics.version();
        if (ServiceCalls.attempt(() -> found[0] = analytics.charts(period, scope.getValue().id()), null)) {
            charts.show(found[0], period);
        }
    }
}
