package org.careledger.analytics.ui;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.careledger.analytics.AnalyticsUpdates;
import org.careledger.analytics.ChartData;
import org.careledger.analytics.DoctorAnalytics;
import org.careledger.analytics.Grain;
import org.careledger.analytics.Period;
import org.careledger.common.ui.ServiceCalls;
import org.careledger.identity.AppRoles;

/** A doctor's own figures: their diagnoses, prescriptions and consent requests, for a fixed period. */
@Route("doctor/analytics")
@PageTitle("My figures · CareLedger")
@Menu(order = 7, title = "My figures", icon = "vaadin:chart")
@RolesAllowed(AppRoles.DOCTOR)
class DoctorAnalyticsView extends VerticalLayout {

    private final DoctorAnalytics analytics;
    private final AnalyticsUpdates updates;
    private Runnable unsubscribe;
    private long version = -1;
    final Select<Grain> grain = new Select<>();
    final Select<Integer> year = new Select<>();
    final ChartsPanel charts = new ChartsPanel("analytics-charts");

    DoctorAnalyticsView(DoctorAnalytics analytics, AnalyticsUpdates updates) {
        this.analytics = analytics;
        this.updates = updates;
        setId("doctor-analytics-view");
        grain.setLabel("Period");
        grain.setId("analytics-grain");
        grain.setItems(Grain.values());
        grain.setItemLabelGenerator(Grain::label);
        year.setLabel("Ending with");
        year.setId("analytics-year");
        List<Integer> years = new ArrayList<>();
        int now = LocalDate.now().getYear();
        for (int y = now; y >= now - 15; y--) {
            years.add(y);
        }
        year.setItems(years);
        HorizontalLayout filters = new HorizontalLayout(grain, year);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.getStyle().set("flex-wrap", "wrap");
        add(new H2("My figures"), new Paragraph("Your own diagnoses, prescriptions, appointments and consent requests, counted as the hospital's are. "
                + "A count of fewer than 5 of your patients shows as “< 5”."), filters, charts);
        ServiceCalls.attempt(() -> {
            Period initial = analytics.defaultPeriod();
            grain.setValue(initial.grain());
            year.setValue(initial.endYear());
        }, null);
        grain.addValueChangeListener(e -> show());
        year.addValueChangeListener(e -> show());
        show();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        UI ui = attachEvent.getUI();
        unsubscribe = updates.subscribeToFigures(() -> ui.access(() -> {
            if (analytics.version() != version) {
                show();
            }
        }));
        // figures made ready between the first drawing and this subscription were not pushed here: catch up
        if (analytics.version() != version) {
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

    private void show() {
        if (grain.getValue() == null || year.getValue() == null) {
            charts.clear();
            return;
        }
        Period period = new Period(grain.getValue(), year.getValue());
        version = analytics.version();
        List<ChartData>[] found = new List[1];
        if (ServiceCalls.attempt(() -> found[0] = analytics.myCharts(period), null)) {
            charts.show(found[0], period);
        }
    }
}
