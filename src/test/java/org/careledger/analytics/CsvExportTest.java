package org.careledger.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvExportTest {

    @Test
    void hostileCellsAreNeutralisedAndQuoted() {
        assertThat(CsvExport.cell("=cmd|' /C calc'!A0")).isEqualTo("'=cmd|' /C calc'!A0");
        assertThat(CsvExport.cell("+SUM(A1:A9)")).isEqualTo("'+SUM(A1:A9)");
        assertThat(CsvExport.cell("@x")).isEqualTo("'@x");
        assertThat(CsvExport.cell("\tx")).isEqualTo("'\tx");
        assertThat(CsvExport.cell("-2+3")).isEqualTo("'-2+3");
        assertThat(CsvExport.cell("Amoxicillin, 250 mg")).isEqualTo("\"Amoxicillin, 250 mg\"");
        assertThat(CsvExport.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvExport.cell("12")).isEqualTo("12");
    }

    @Test
    void aChartsTableIsUtf8WithABomIsoBucketsAndSuppressedCellsAsLessThanFive() {
        ChartData chart = new ChartData("x", "Title", "Month", "Diagnoses (count)", List.of("2026-01", "2026-02"),
                List.of(new ChartData.Series("=HYPERLINK(\"http://evil\")", Arrays.asList(7L, null)),
                        new ChartData.Series("Gingivitis", List.of(12L, 0L))), ChartData.Kind.BARS, List.of(), null);
        byte[] csv = CsvExport.of(chart);
        assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
        assertThat(text.split("\r\n")).containsExactly(
                "Month,\"'=HYPERLINK(\"\"http://evil\"\")\",Gingivitis",
                "2026-01,7,12",
                "2026-02,< 5,0");
    }

    @Test
    void tokenAmountsAreWrittenAsTokensWithTheirDecimalsAndNoTrailingZeros() {
        ChartData chart = new ChartData("t", "Tokens", "Day", "Tokens moved (tokens)", List.of("2026-12-06", "2026-12-07"),
                List.of(new ChartData.Series("Fees", List.of(1_234_567L, 2_000_000L)), new ChartData.Series("Transfers", List.of(500_000L, 0L))),
                ChartData.Kind.STACKED_BARS, List.of(), null, null, 6);
        String text = new String(CsvExport.of(chart), StandardCharsets.UTF_8).substring(1);
        assertThat(text.split("\r\n")).containsExactly("Day,Fees,Transfers", "2026-12-06,1.234567,0.5", "2026-12-07,2,0");
    }
}
