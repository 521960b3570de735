package org.careledger.recommend.engine;

import java.util.Comparator;

/** A label with its raw model score, before calibration. */
record Scored(String label, double score) {

    static final Comparator<Scored> BEST_FIRST = Comparator.comparingDouble(Scored::score).reversed().thenComparing(Scored::label);
}
