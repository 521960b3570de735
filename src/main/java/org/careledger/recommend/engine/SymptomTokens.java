package org.careledger.recommend.engine;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads Synthea's symptom lists defensively: {@code name:severity[:more]} tokens separated by
 * {@code ;}. A token without a name or a whole-number severity is skipped; severities are clamped to
 * 0..100 (the data has a few above 100); a name seen twice keeps its highest severity.
 */
final class SymptomTokens {

    private SymptomTokens() {
    }

    static Map<String, Integer> parse(String list) {
        Map<String, Integer> severities = new TreeMap<>();
        if (list == null) {
            return severities;
        }
        for (String token : list.split(";")) {
            String[] parts = token.split(":");
            if (parts.length < 2 || parts[0].isBlank()) {
                continue;
            }
            Integer severity = severity(parts[1]);
            if (severity != null) {
                severities.merge(parts[0].trim(), severity, Math::max);
            }
        }
        return Collections.unmodifiableMap(severities);
    }

    private static Integer severity(String value) {
        try {
            return Math.max(0, Math.min(100, (int) Math.round(Double.parseDouble(value.trim()))));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The inverse, as the bundled data stores it: {@code name:severity|name:severity}, sorted by name. */
    static String format(Map<String, Integer> severities) {
        StringBuilder b = new StringBuilder();
        new TreeMap<>(severities).forEach((name, severity) -> {
            if (!b.isEmpty()) {
                b.append('|');
            }
            b.append(name).append(':').append(severity);
        });
        return b.toString();
    }

    static Map<String, Integer> parseStored(String field) {
        return parse(field.replace('|', ';'));
    }
}
