package org.careledger.recommend.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class PatientSplitTest {

    @Test
    void theSplitIsTheSortedKeysShuffledWithSeed42WithTheFirstEightyPercentForTraining() {
        List<String> keys = List.of("p09", "p01", "p05", "p03", "p02", "p10", "p04", "p08", "p06", "p07", "p03");
        List<String> expected = new ArrayList<>(List.of("p01", "p02", "p03", "p04", "p05", "p06", "p07", "p08", "p09", "p10"));
        Collections.shuffle(expected, new Random(42));

        PatientSplit split = PatientSplit.of(keys);

        assertThat(split.train()).containsExactlyInAnyOrderElementsOf(expected.subList(0, 8));
        assertThat(split.test()).containsExactlyInAnyOrderElementsOf(expected.subList(8, 10));
    }

    @Test
    void theSameKeysInAnyOrderGiveTheSameSplit() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            keys.add("patient-" + i);
        }
        PatientSplit first = PatientSplit.of(keys);
        Collections.reverse(keys);
        assertThat(PatientSplit.of(keys)).isEqualTo(first);
        assertThat(first.train()).hasSize(40).doesNotContainAnyElementsOf(first.test());
    }
}
