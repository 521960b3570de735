package org.careledger.records;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.careledger.common.InvalidInputException;
import org.careledger.common.SingleLine;

/**
 * What a SYMPTOM_REPORT entry says, and how it is written in the entry's text, one line each:
 * {@code Sex: female} (optional), then {@code <symptom>: <severity 0-100>} for each symptom, in the
 * order reported. The display reads "Symptom report: sore throat, fever". The same text is read back
 * by decision support, so the format is this class's alone.
 *
 * @param sex        "female", "male", or null when the patient did not say
 * @param severities symptom name to severity, 0 (barely) to 100 (the worst), in the order reported
 */
public record SymptomReportText(String sex, Map<String, Integer> severities) {

    public static final int MAX_SYMPTOMS = 30;
    public static final int MAX_NAME = 80;
    private static final String SEX = "Sex";

    public SymptomReportText {
        Map<String, String> errors = new LinkedHashMap<>();
        if (sex != null && !sex.equals("female") && !sex.equals("male")) {
            errors.put("sex", "Choose female or male, or leave it empty");
        }
        if (severities == null || severities.isEmpty()) {
            errors.put("symptoms", "Choose at least one symptom");
        } else if (severities.size() > MAX_SYMPTOMS) {
            errors.put("symptoms", "At most " + MAX_SYMPTOMS + " symptoms in one report");
        } else {
            for (Map.Entry<String, Integer> e : severities.entrySet()) {
                String name = e.getKey();
                if (name == null || name.isBlank() || !SingleLine.holds(name) || name.contains(":") || name.length() > MAX_NAME
                        || name.strip().equalsIgnoreCase(SEX)) {
                    errors.putIfAbsent("symptoms", "A symptom's name is one line of at most " + MAX_NAME + " characters, without a colon");
                } else if (e.getValue() == null || e.getValue() < 0 || e.getValue() > 100) {
                    errors.putIfAbsent("symptoms", "Give each symptom a severity from 0 to 100 (" + name.strip() + ")");
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        LinkedHashMap<String, Integer> copy = new LinkedHashMap<>();
        severities.forEach((k, v) -> copy.put(k.strip(), v));
        severities = Collections.unmodifiableMap(copy);
    }

    /** The entry's content: the display names the symptoms, the text holds every line. */
    public EntryContent toContent() {
        List<String> lines = new ArrayList<>();
        if (sex != null) {
            lines.add(SEX + ": " + sex);
        }
        severities.forEach((name, severity) -> lines.add(name + ": " + severity));
        String names = String.join(", ", severities.keySet()).toLowerCase(Locale.ROOT);
        String display = "Symptom report: " + names;
        if (display.length() > EntryContent.MAX_DISPLAY) {
            display = display.substring(0, EntryContent.MAX_DISPLAY - 1) + "…";
        }
        return new EntryContent(null, null, display, String.join("\n", lines), null);
    }

    /** The report an entry's text holds, or empty if the text is not one (never throws). */
    public static Optional<SymptomReportText> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String sex = null;
        Map<String, Integer> severities = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int colon = line.lastIndexOf(':');
            if (colon <= 0) {
                return Optional.empty();
            }
            String name = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            if (name.equals(SEX) && severities.isEmpty() && sex == null) {
                sex = value;
                continue;
            }
            try {
                severities.put(name, Integer.parseInt(value));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(new SymptomReportText(sex, severities));
        } catch (InvalidInputException e) {
            return Optional.empty();
        }
    }
}
