package org.careledger.analytics.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import java.time.LocalDate;
import java.util.List;
import org.careledger.ui.KaribuTest;
import org.careledger.analytics.AnalyticsScope;
import org.careledger.analytics.Grain;
import org.careledger.identity.DemoAccounts;
import org.careledger.identity.Role;
import org.junit.jupiter.api.Test;

/**
 * The analytics page's filters as an admin uses them: the period's grain and year and the provider
 * redraw the charts with their titles; a provider has no census of patients and says so.
 */
class AnalyticsViewTest extends KaribuTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.careledger.analytics.ClinicalAnalytics analytics;

    @Test
    void theFiltersRedrawTheChartsForTheChosenPeriodAndProvider() {
        login(DemoAccounts.ADMIN.username(), Role.ADMIN);
        UI.getCurrent().navigate("admin/analytics");
        AnalyticsView view = _get(AnalyticsView.class);
        int year = LocalDate.now().getYear();
        assertThat(view.grain.getValue()).isEqualTo(Grain.MONTHS);
        assertThat(view.year.getValue()).isEqualTo(year);
        assertThat(titles()).contains("New diagnoses by condition · Months of " + year, "Prescriptions by state · Months of " + year,
                "Patients by age band and sex, today");

        _setValue(view.grain, Grain.QUARTERS);
        assertThat(titles()).contains("New diagnoses by condition · Quarters of " + (year - 2) + "–" + year);
        _setValue(view.year, year - 3);
        _setValue(view.grain, Grain.YEARS);
        assertThat(titles()).contains("New diagnoses by condition · " + (year - 12) + "–" + (year - 3));

        // once the figure is prepared, a redraw updates the same card in place (a live page does not flicker)
        org.careledger.Await.until("the diagnoses are prepared", java.time.Duration.ofSeconds(60), () -> !org.careledger.analytics.internal.Charts.PREPARING
                .equals(analytics.charts(new org.careledger.analytics.Period(Grain.YEARS, year - 3), "*").get(0).emptyReason()));
        _setValue(view.grain, Grain.QUARTERS);
        _setValue(view.grain, Grain.YEARS);
        ChartCard drawn = _get(ChartCard.class, spec -> spec.withId("chart-new-diagnoses"));
        _setValue(view.year, year - 4);
        assertThat(_get(ChartCard.class, spec -> spec.withId("chart-new-diagnoses"))).as("updated in place").isSameAs(drawn);
        assertThat(titles()).contains("New diagnoses by condition · " + (year - 13) + "–" + (year - 4));

        List<AnalyticsScope> scopes = view.scope.getListDataView().getItems().toList();
        assertThat(scopes).extracting(AnalyticsScope::label).contains("All providers", "Synthetic history (Synthea)");
        AnalyticsScope provider = scopes.stream().filter(s -> s.id().startsWith("provider:")).findFirst().orElseThrow();
        _setValue(view.scope, provider);
        assertThat(_get(Paragraph.class, spec -> spec.withId("chart-empty-patients-by-age")).getText())
                .isEqualTo("Patients are not counted per provider: choose all providers.");
    }

    private static List<String> titles() {
        return _find(H3.class).stream().map(H3::getText).toList();
    }
}
