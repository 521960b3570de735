package org.careledger.recommend.engine;

/**
 * One suggested medicine: its RxNorm code and name, a calibrated confidence (the hit rate such a
 * score had on held-out episodes) and the evidence in words.
 */
public record RankedMedicine(String rxnorm, String name, double confidence, String evidence) {
}
