package org.careledger.recommend.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class MetricsTest {

    // Patient a: two cases, hit at rank 1 and at rank 3; patient b: a miss; patient c: hit at rank 2, not covered.
    static final List<Metrics.Case> MODEL = List.of(
            new Metrics.Case("a", List.of("x", "y", "z"), Set.of("x"), true),
            new Metrics.Case("a", List.of("x", "y", "z"), Set.of("z"), true),
            new Metrics.Case("b", List.of("x", "y", "z"), Set.of("w"), true),
            new Metrics.Case("c", List.of("y", "x"), Set.of("x"), false));
    // The baseline on the same cases: hit at rank 1 only for the second case.
    static final List<Metrics.Case> BASELINE = List.of(
            new Metrics.Case("a", List.of("y"), Set.of("x"), true),
            new Metrics.Case("a", List.of("z"), Set.of("z"), true),
            new Metrics.Case("b", List.of("y"), Set.of("w"), true),
            new Metrics.Case("c", List.of("y"), Set.of("x"), true));

    @Test
    void topKCountsACaseAsHitWhenItsAnswerIsAmongTheFirstK() {
        assertThat(Metrics.topK(MODEL, 1).value()).isEqualTo(1 / 4.0);
        assertThat(Metrics.topK(MODEL, 2).value()).isEqualTo(2 / 4.0);
        assertThat(Metrics.topK(MODEL, 3).value()).isEqualTo(3 / 4.0);
        assertThat(Metrics.coverage(MODEL).value()).isEqualTo(3 / 4.0);
    }

    @Test
    void severalRightAnswersMakeItPrecisionAtK() {
        Metrics.Case admission = new Metrics.Case("s", List.of("heparin", "insulin", "saline"), Set.of("heparin", "saline", "x"), true);
        assertThat(admission.score(1)).isEqualTo(1.0);
        assertThat(admission.score(3)).isEqualTo(2 / 3.0, within(1e-12));
    }

    @Test
    void thePairedDifferenceIsModelMinusBaselineOnTheSameCases() {
        assertThat(Metrics.paired(MODEL, BASELINE, 1).value()).isEqualTo(1 / 4.0 - 1 / 4.0);
        assertThat(Metrics.paired(MODEL, BASELINE, 3).value()).isEqualTo(3 / 4.0 - 1 / 4.0);
    }

    @Test
    void theBootstrapIsSeededSoTheSameCasesGiveTheSameInterval() {
        Metrics.Interval first = Metrics.topK(MODEL, 3);
        assertThat(Metrics.topK(MODEL, 3)).isEqualTo(first);
        assertThat(first.lo()).isLessThanOrEqualTo(first.value());
        assertThat(first.hi()).isGreaterThanOrEqualTo(first.value());
        // resampling whole patients: a resample's figure is one of the values its patients can make
        assertThat(first.lo()).isGreaterThanOrEqualTo(0.0);
        assertThat(first.hi()).isLessThanOrEqualTo(1.0);
    }

    @Test
    void theBootstrapResamplesPatientsNotCases() {
        // one patient only: every resample is that patient, so the interval has no width
        List<Metrics.Case> onePatient = List.of(
                new Metrics.Case("a", List.of("x"), Set.of("x"), true),
                new Metrics.Case("a", List.of("x"), Set.of("y"), true));
        Metrics.Interval i = Metrics.topK(onePatient, 1);
        assertThat(i.value()).isEqualTo(0.5);
        assertThat(i.lo()).isEqualTo(0.5);
        assertThat(i.hi()).isEqualTo(0.5);
    }

    @Test
    void aLineBeginsWithDatasetTaskModelAndBothFigures() {
        assertThat(Evaluation.line("synthea", "medicine", "per-condition", MODEL))
                .startsWith("synthea medicine per-condition top1=0.250 [")
                .contains(" top3=0.750 [")
                .endsWith("coverage=0.750 n=4");
    }
}
