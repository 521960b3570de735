package org.careledger.analytics;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A chart's table as CSV for spreadsheet tools: UTF-8 with a byte-order mark, one row per bucket
 * (ISO-like labels: 2026-03, 2026-Q1, 2026), one column per series, suppressed values as "&lt; 5".
 * A cell a spreadsheet could run as a formula (starting with {@code = + - @}, a tab or a carriage
 * return) is prefixed with an apostrophe, as OWASP advises, and quoted where CSV needs it.
 */
public final class CsvExport {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private CsvExport() {
    }

    public static byte[] of(ChartData chart) {
        StringBuilder out = new StringBuilder();
        List<String> header = new ArrayList<>();
        header.add(chart.xLabel());
        chart.series().forEach(s -> header.add(s.label()));
        line(out, header);
        for (int i = 0; i < chart.buckets().size(); i++) {
            List<String> row = new ArrayList<>();
            row.add(chart.buckets().get(i));
            for (ChartData.Series s : chart.series()) {
                Long v = s.values().get(i);
                row.add(chart.format(v));
            }
            line(out, row);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(BOM);
        bytes.writeBytes(out.toString().getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }

    /** A file name for the chart: its id and period (none for the ledger's charts), no spaces. */
    public static String fileName(ChartData chart, Period period) {
        return "careledger-" + chart.id() + (period == null ? "" : "-" + period.grain().name().toLowerCase() + "-" + period.endYear())
                + ".csv";
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
    }

    /** One cell, neutralised against formula injection and quoted when it holds a comma, a quote or a line break. */
    static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 && !isNumber(v)) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }

    /** A count (never negative here) is data, not a formula; "-5" would still be neutralised. */
    private static boolean isNumber(String v) {
        return v.chars().allMatch(Character::isDigit);
    }
}
