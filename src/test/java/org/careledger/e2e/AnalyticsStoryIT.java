package org.careledger.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.careledger.IntegrationTest;
import org.careledger.analytics.ChartData;
import org.careledger.analytics.ClinicalAnalytics;
import org.careledger.analytics.Grain;
import org.careledger.analytics.Period;
import org.careledger.identity.DemoAccounts;
import org.careledger.identity.TestAccounts;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The analytics page in a real browser, as the demo's admin on first start: each chart is drawn by
 * Chart.js (its canvas has a picture, its legend names the series the service gives), its table shows
 * the same numbers as the chart, and choosing "Ten years" redraws it by year.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AnalyticsStoryIT extends IntegrationTest {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext ctx;

    @Autowired
    ClinicalAnalytics analytics;

    private WebDriver driver() {
        return browser.driver();
    }

    private String baseUrl() {
        return "http://localhost:" + port + "/";
    }

    @Test
    @DisplayName("admin: the clinical charts are drawn with their legends, their tables match them, and ten years redraws them by year")
    void theAnalyticsStory() {
        new LoginPage(driver(), baseUrl()).open().signInExpecting(DemoAccounts.ADMIN.username(), DemoAccounts.ADMIN.password(),
                "admin-home");
        new PortalShell(driver(), baseUrl()).openFromNavigation("Analytics", "analytics-view");
        AnalyticsPage page = new AnalyticsPage(driver(), baseUrl()).waitUntilShown();

        Period thisYear = new Period(Grain.MONTHS, LocalDate.now().getYear());
        List<ChartData> charts = new TestAccounts(ctx).asAdmin(() -> analytics.charts(thisYear, "*"));
        assertThat(charts).filteredOn(c -> !c.isEmpty()).as("the demo's history fills the clinical charts on first start")
                .extracting(ChartData::id).contains("new-diagnoses", "prescriptions-by-state", "prescriptions-by-medicine", "patients-by-age");
        for (ChartData chart : charts) {
            if (chart.isEmpty()) {
                assertThat(page.emptyText(chart.id())).as("%s says why it is empty", chart.id()).isEqualTo(chart.emptyReason());
                continue;
            }
            assertThat(page.drawnAndNotBlank(chart.id())).as("%s is drawn", chart.id()).isTrue();
            assertThat(page.legend(chart.id())).as("%s's legend", chart.id())
                    .containsExactlyElementsOf(chart.series().stream().map(ChartData.Series::label).toList());
            assertThat(page.chartTitle(chart.id())).isEqualTo(chart.title());
        }
        ChartData diagnoses = charts.get(0);
        List<List<String>> drawn = page.drawnValues(diagnoses.id());
        List<List<String>> table = page.tableValues(diagnoses.id());
        assertThat(table).as("the table shows the chart's numbers, series by series").isEqualTo(drawn);
        assertThat(drawn.stream().flatMap(List::stream)).as("the demo's history has counts this year").anyMatch(v -> !v.equals("0"));

        page.chooseGrain("Ten years");
        new org.openqa.selenium.support.ui.WebDriverWait(driver(), PageObject.TIMEOUT, PageObject.POLL)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> page.buckets(diagnoses.id()).size() == 10);
        int year = LocalDate.now().getYear();
        assertThat(page.buckets(diagnoses.id())).startsWith(Integer.toString(year - 9)).endsWith(Integer.toString(year));
        assertThat(page.drawnAndNotBlank(diagnoses.id())).isTrue();
    }
}
