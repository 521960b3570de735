package org.careledger.recommend.engine;

/**
 * One suggested condition: its name as the data names it (Synthea's PATHOLOGY), a calibrated
 * confidence (the hit rate such a score had on held-out reports) and the evidence in words.
 */
public record RankedCondition(String condition, double confidence, String evidence) {
}
