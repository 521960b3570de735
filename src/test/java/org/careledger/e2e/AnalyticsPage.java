package org.careledger.e2e;

import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** The admin's analytics page: its filters, and each chart as the browser drew it and as its table reads. */
class AnalyticsPage extends PageObject {

    AnalyticsPage(WebDriver driver, String baseUrl) {
        super(driver, baseUrl);
    }

    AnalyticsPage waitUntilShown() {
        byId("analytics-view");
        return this;
    }

    /** Waits until Chart.js has drawn the chart and returns whether its canvas has pixels of more than one colour. */
    boolean drawnAndNotBlank(String chartId) {
        WebElement box = present(By.cssSelector("#chart-canvas-" + chartId + "[drawn]"));
        return Boolean.TRUE.equals(js("""
                const c = arguments[0].querySelector('canvas');
                if (!c || c.width === 0 || c.height === 0) { return false; }
                const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                for (let i = 4; i < d.length; i += 4) {
                  if (d[i] !== d[0] || d[i + 1] !== d[1] || d[i + 2] !== d[2] || d[i + 3] !== d[3]) { return true; }
                }
                return false;""", box));
    }

    /** The legend's texts as Chart.js drew them. */
    @SuppressWarnings("unchecked")
    List<String> legend(String chartId) {
        WebElement box = present(By.cssSelector("#chart-canvas-" + chartId + "[drawn]"));
        return (List<String>) js("return arguments[0].careledgerChart.legend.legendItems.map(i => i.text)", box);
    }

    /** The x axis's labels as drawn. */
    @SuppressWarnings("unchecked")
    List<String> buckets(String chartId) {
        WebElement box = present(By.cssSelector("#chart-canvas-" + chartId + "[drawn]"));
        return (List<String>) js("return arguments[0].careledgerChart.data.labels", box);
    }

    /** Each series' values as drawn, "< 5" where the chart leaves a gap. */
    @SuppressWarnings("unchecked")
    List<List<String>> drawnValues(String chartId) {
        WebElement box = present(By.cssSelector("#chart-canvas-" + chartId + "[drawn]"));
        return (List<List<String>>) js("""
                return arguments[0].careledgerChart.data.datasets.map(d => d.data.map(v => v === null ? '< 5' : String(v)));""", box);
    }

    /** Switches the chart to its table and reads it: one list per series (column), in bucket order. */
    @SuppressWarnings("unchecked")
    List<List<String>> tableValues(String chartId) {
        clickScrolledIntoView(byId("chart-toggle-" + chartId));
        WebElement table = byId("chart-table-" + chartId);
        List<List<String>> rows = (List<List<String>>) js("""
                return Array.from(arguments[0].querySelectorAll('tbody tr'))
                    .map(r => Array.from(r.querySelectorAll('td')).map(c => c.textContent.trim()));""", table);
        List<List<String>> columns = new ArrayList<>();
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                if (columns.size() <= i) {
                    columns.add(new ArrayList<>());
                }
                columns.get(i).add(row.get(i));
            }
        }
        return columns;
    }

    /** Chooses the period's grain by its label ("Ten years"). */
    AnalyticsPage chooseGrain(String label) {
        WebElement select = present(By.id("analytics-grain"));
        clickScrolledIntoView(wait.until(d -> select.findElements(By.cssSelector("vaadin-select-value-button")).stream().findFirst()
                .orElse(null)));
        WebElement item = wait.until(d -> d.findElements(By.cssSelector("vaadin-select-item")).stream()
                .filter(i -> i.isDisplayed() && i.getText().strip().equals(label)).findFirst().orElse(null));
        clickScrolledIntoView(item);
        return this;
    }

    String emptyText(String chartId) {
        return byId("chart-empty-" + chartId).getText().strip();
    }

    String chartTitle(String chartId) {
        return byId("chart-title-" + chartId).getText().strip();
    }

}
