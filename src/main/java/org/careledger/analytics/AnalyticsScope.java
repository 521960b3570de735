package org.careledger.analytics;

/**
 * Whose figures a chart counts: all providers, one provider, or the demo's synthetic history.
 *
 * @param id    {@code *}, {@code provider:<id>} or {@code synthea}
 * @param label what the filter shows
 */
public record AnalyticsScope(String id, String label) {

    public static final AnalyticsScope ALL = new AnalyticsScope("*", "All providers");

    public static String ofProvider(long providerId) {
        return "provider:" + providerId;
    }
}
