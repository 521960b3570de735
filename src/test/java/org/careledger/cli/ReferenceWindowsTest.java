package org.careledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The bench's reference windows and the lines it prints from them: spread and median. */
class ReferenceWindowsTest {

    private static ReferenceWindows fourWindows() {
        ReferenceWindows windows = new ReferenceWindows();
        windows.add("before", 50_000, 0.50);
        windows.add("pause 1", 40_000, 1.25);
        windows.add("pause 2", 60_000, 2.00);
        windows.add("after", 45_000, 0.75);
        return windows;
    }

    @Test
    void eachRunIsHeldAgainstTheFasterOfTheTwoWindowsAroundIt() {
        ReferenceWindows windows = fourWindows();
        assertThat(windows.aroundRun(0)).isEqualTo(50_000);
        assertThat(windows.aroundRun(1)).isEqualTo(60_000);
        assertThat(windows.aroundRun(2)).isEqualTo(60_000);
    }

    @Test
    void theSpreadLineGivesMinMedianMaxTheSpreadAgainstTheMedianAndTheLoadRange() {
        assertThat(fourWindows().summary("native")).isEqualTo("reference provider=native windows=4 verifications_per_s"
                + " min=40000 median=47500 max=60000 spread=42.1% load=0.50-2.00");
    }

    @Test
    void theMedianLineTakesTheMedianOfTheRunsAndTheirRatioRange() {
        double[] throughput = {14_000, 12_000, 17_000};
        // ceilings per node: 50,000 / 2, 60,000 / 2, 60,000 / 2 -> ratios 0.56, 0.40, 0.5667
        assertThat(BenchCommand.medianLine(throughput, fourWindows(), 2)).isEqualTo("median runs=3 tx_per_s=14000.0"
                + " ceiling_tx_per_s=30000.0 ratio=0.560 ratio_min=0.400 ratio_max=0.567");
    }

    @Test
    void oneWindowHasNoSpreadAndAnEvenCountTakesTheMiddlePair() {
        assertThat(ReferenceWindows.spread(new double[] {10})).isZero();
        assertThat(ReferenceWindows.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
        assertThat(ReferenceWindows.range(new double[] {-1, 2})).as("no load average on this system").isEqualTo("n/a");
    }
}
