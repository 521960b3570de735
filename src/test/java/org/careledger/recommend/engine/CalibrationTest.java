package org.careledger.recommend.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CalibrationTest {

    @Test
    void confidenceNeverFallsAsTheScoreRises() {
        double[] scores = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95};
        boolean[] hits = {false, true, false, false, true, false, true, true, true, true};
        Calibration c = Calibration.fit(scores, hits);
        double last = -1;
        for (double s = 0; s <= 1; s += 0.01) {
            assertThat(c.confidence(s)).isGreaterThanOrEqualTo(last).isBetween(0.0, 1.0);
            last = c.confidence(s);
        }
        assertThat(c.confidence(0.05)).isLessThan(c.confidence(0.95));
    }
}
