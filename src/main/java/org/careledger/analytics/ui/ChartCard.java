package org.careledger.analytics.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.careledger.analytics.ChartData;
import org.careledger.analytics.CsvExport;
import org.careledger.analytics.Period;

/**
 * One chart: a Chart.js canvas drawn in the browser (the library loaded once from its WebJar in this
 * jar, no CDN), its title, a table with the same numbers for screen readers and for reading (a toggle),
 * its notes, the CSV and PNG downloads, and an empty state that says why it is empty.
 */
class ChartCard extends Div {

    /** Where the browser loads Chart.js from: the WebJar in this jar, relative to the portal's base. */
    static final String CHART_JS = "webjars/chart.js/4.4.1/dist/chart.umd.js";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Okabe–Ito's colour-blind-safe palette, then greys. */
    private static final List<String> COLOURS = List.of("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00",
            "#F0E442", "#000000", "#7F7F7F", "#B3B3B3", "#4D4D4D");

    private final Div canvasBox = new Div();
    private final Div tableBox = new Div();
    private final Div footer = new Div();
    private final Button toggle = new Button("Show as table");
    private final H3 title = new H3();
    private ChartData shown;

    ChartCard(ChartData chart, Period period) {
        addClassName("cl-card");
        setWidthFull();
        setId("chart-" + chart.id());
        title.setId("chart-title-" + chart.id());
        title.setText(chart.title());
        add(title);
        shown = chart;
        if (chart.isEmpty()) {
            Paragraph empty = new Paragraph(chart.emptyReason());
            empty.setId("chart-empty-" + chart.id());
            add(empty);
            return;
        }
        Element canvas = new Element("canvas");
        canvas.setAttribute("role", "img");
        canvasBox.getElement().appendChild(canvas);
        canvasBox.getStyle().set("position", "relative").set("height", "min(60vh, 360px)").set("width", "100%");
        canvasBox.setId("chart-canvas-" + chart.id());
        add(canvasBox);

        tableBox.setVisible(false);
        tableBox.setId("chart-table-" + chart.id());
        tableBox.getStyle().set("overflow-x", "auto");
        add(tableBox);

        toggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        toggle.setId("chart-toggle-" + chart.id());
        toggle.addClickListener(e -> {
            boolean table = !tableBox.isVisible();
            tableBox.setVisible(table);
            canvasBox.setVisible(!table);
            toggle.setText(table ? "Show as chart" : "Show as table");
        });
        add(footer);
        fill(chart, period);
        canvasBox.getElement().executeJs("""
                const host = this;
                const cfg = JSON.parse($0);
                window.careledgerChartJs = window.careledgerChartJs || new Promise((ok, fail) => {
                  if (window.Chart) { ok(); return; }
                  const s = document.createElement('script');
                  s.src = $1; s.onload = () => ok(); s.onerror = () => fail(new Error('Chart.js did not load'));
                  document.head.appendChild(s);
                });
                window.careledgerChartJs.then(() => {
                  if (host.careledgerChart) { host.careledgerChart.destroy(); }
                  host.careledgerChart = new window.Chart(host.querySelector('canvas'), cfg);
                  host.setAttribute('drawn', '');
                });""", config(chart), CHART_JS);
    }

    /**
     * Shows newer numbers of the same chart in place (the canvas keeps its chart, so a live page does not
     * flicker or lose its scroll position); false when the card cannot (it was empty, or now is), and the
     * caller replaces it.
     */
    boolean update(ChartData chart, Period period) {
        if (!chart.id().equals(shown.id()) || chart.isEmpty() || shown.isEmpty()) {
            return false;
        }
        if (chart.equals(shown)) {
            return true;
        }
        title.setText(chart.title());
        fill(chart, period);
        // run on the card, which stays visible: Flow holds back JavaScript for a hidden element (the canvas while
        // the table is shown) until it is shown again
        getElement().executeJs("""
                const host = this.querySelector('[id^="chart-canvas-"]');
                const cfg = JSON.parse($0);
                (window.careledgerChartJs || Promise.resolve()).then(() => {
                  const c = host.careledgerChart;
                  if (!c) { return; }
                  c.data = cfg.data;
                  c.options = cfg.options;
                  c.update('none');
                  host.setAttribute('drawn', '');
                });""", config(chart));
        shown = chart;
        return true;
    }

    /** The parts that follow the numbers: the canvas's description, the table, the downloads and the notes. */
    private void fill(ChartData chart, Period period) {
        canvasBox.getElement().getChild(0).setAttribute("aria-label", chart.title() + ": " + chart.yLabel() + " by "
                + chart.xLabel().toLowerCase() + ". The same numbers are in the table.");
        tableBox.removeAll();
        tableBox.add(table(chart));
        footer.removeAll();
        byte[] csv = CsvExport.of(chart);
        Anchor csvLink = new Anchor(DownloadHandler.fromInputStream(event -> new DownloadResponse(new ByteArrayInputStream(csv),
                CsvExport.fileName(chart, period), "text/csv;charset=utf-8", csv.length)), "Download CSV");
        csvLink.getElement().setAttribute("download", true);
        csvLink.setId("chart-csv-" + chart.id());
        String pngName = CsvExport.fileName(chart, period).replace(".csv", ".png");
        // the picture carries its title and a white background (the page's canvas has neither: the card shows the title)
        Button png = new Button("Download PNG", e -> getElement().executeJs("""
                const c = this.querySelector('[id^="chart-canvas-"]').careledgerChart;
                if (!c) { return; }
                c.options.plugins.title = {display: true, text: $1, font: {size: 16}};
                c.update('none');
                const out = document.createElement('canvas');
                out.width = c.canvas.width; out.height = c.canvas.height;
                const g = out.getContext('2d');
                g.fillStyle = '#ffffff'; g.fillRect(0, 0, out.width, out.height);
                g.drawImage(c.canvas, 0, 0);
                c.options.plugins.title = {display: false};
                c.update('none');
                const a = document.createElement('a');
                a.href = out.toDataURL('image/png');
                a.download = $0;
                document.body.appendChild(a); a.click(); a.remove();""", pngName, chart.title()));
        png.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        png.setId("chart-png-" + chart.id());
        HorizontalLayout actions = new HorizontalLayout(toggle, csvLink, png);
        actions.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        actions.getStyle().set("flex-wrap", "wrap");
        footer.add(actions);
        for (String note : chart.notes()) {
            Paragraph p = new Paragraph(note);
            p.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)").set("margin", "0");
            footer.add(p);
        }
    }

    private static NativeTable table(ChartData chart) {
        NativeTable table = new NativeTable();
        table.addClassName("cl-data-table");
        table.setCaptionText(chart.title() + " (" + chart.yLabel() + ")");
        NativeTableRow head = new NativeTableRow();
        NativeTableHeaderCell first = new NativeTableHeaderCell(chart.xLabel());
        first.getElement().setAttribute("scope", "col");
        head.add(first);
        for (ChartData.Series s : chart.series()) {
            NativeTableHeaderCell th = new NativeTableHeaderCell(s.label());
            th.getElement().setAttribute("scope", "col");
            head.add(th);
        }
        table.getHead().addRows(head);
        NativeTableBody body = table.getBody();
        for (int i = 0; i < chart.buckets().size(); i++) {
            NativeTableRow row = new NativeTableRow();
            NativeTableHeaderCell bucket = new NativeTableHeaderCell(chart.buckets().get(i));
            bucket.getElement().setAttribute("scope", "row");
            row.add(bucket);
            for (ChartData.Series s : chart.series()) {
                Long v = s.values().get(i);
                row.add(new NativeTableCell(chart.format(v)));
            }
            body.addRows(row);
        }
        return table;
    }

    /** The Chart.js configuration: titled axes with units, a legend when there is more than one series, no animation. */
    static String config(ChartData chart) {
        ObjectNode cfg = JSON.createObjectNode();
        boolean lines = chart.kind() == ChartData.Kind.LINES;
        cfg.put("type", lines ? "line" : "bar");
        ObjectNode data = cfg.putObject("data");
        ArrayNode labels = data.putArray("labels");
        chart.buckets().forEach(labels::add);
        ArrayNode datasets = data.putArray("datasets");
        for (int i = 0; i < chart.series().size(); i++) {
            ChartData.Series s = chart.series().get(i);
            ObjectNode d = datasets.addObject();
            d.put("label", s.label());
            String colour = COLOURS.get(i % COLOURS.size());
            d.put("backgroundColor", colour);
            d.put("borderColor", colour);
            ArrayNode values = d.putArray("data");
            s.values().forEach(v -> {
                if (v == null) {
                    values.addNull();
                } else if (chart.decimals() == 0) {
                    values.add(v);
                } else {
                    values.add(java.math.BigDecimal.valueOf(v, chart.decimals()));
                }
            });
            if (lines) {
                d.put("spanGaps", false);
                d.put("tension", 0);
                d.put("pointRadius", s.values().size() > 40 ? 0 : 3);
            }
            if (s.rightAxis()) {
                d.put("yAxisID", "y2");
            }
            if (s.reference()) {
                d.putArray("borderDash").add(6).add(4);
                d.put("pointRadius", 0);
                d.put("borderColor", "#7F7F7F");
                d.put("backgroundColor", "#7F7F7F");
            }
        }
        ObjectNode options = cfg.putObject("options");
        options.put("responsive", true);
        options.put("maintainAspectRatio", false);
        options.put("animation", false);
        ObjectNode plugins = options.putObject("plugins");
        plugins.putObject("legend").put("display", chart.series().size() > 1).put("position", "bottom");
        plugins.putObject("title").put("display", false);
        ObjectNode scales = options.putObject("scales");
        boolean stacked = chart.kind() == ChartData.Kind.STACKED_BARS;
        ObjectNode x = scales.putObject("x");
        x.put("stacked", stacked);
        x.putObject("title").put("display", true).put("text", chart.xLabel());
        ObjectNode y = scales.putObject("y");
        y.put("stacked", stacked);
        y.put("beginAtZero", true);
        y.putObject("title").put("display", true).put("text", chart.yLabel());
        if (chart.y2Label() != null) {
            ObjectNode y2 = scales.putObject("y2");
            y2.put("position", "right");
            y2.put("beginAtZero", true);
            y2.putObject("grid").put("drawOnChartArea", false);
            y2.putObject("title").put("display", true).put("text", chart.y2Label());
        }
        try {
            return JSON.writeValueAsString(cfg);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
