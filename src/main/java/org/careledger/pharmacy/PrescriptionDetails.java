package org.careledger.pharmacy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.careledger.records.EntryContent;
import org.careledger.records.EntryRules;

/**
 * A prescription's clinical content, as sealed in its MEDICATION entry: the medicine coded in
 * RxNorm with its name, and the rest as "Label: value" lines of the entry's text, so the record shows
 * it as written and the pharmacy reads it back field by field.
 *
 * @param warnings       what the checks before signing found (allergy, duplicate), as the prescriber saw them
 * @param overrideReason the prescriber's reason for going on despite them; null when there were none
 */
public record PrescriptionDetails(String medicineCode, String medicineName, String dose, String route, String frequency,
                                  int durationDays, long quantity, int refills, int validityDays, String instructions,
                                  String indication, List<String> warnings, String overrideReason) {

    private static final String DOSE = "Dose";
    private static final String ROUTE = "Route";
    private static final String FREQUENCY = "Frequency";
    private static final String DURATION = "Duration (days)";
    private static final String QUANTITY = "Quantity per fill";
    private static final String REFILLS = "Refills";
    private static final String VALIDITY = "Valid for (days)";
    private static final String INSTRUCTIONS = "Instructions";
    private static final String INDICATION = "Indication";
    private static final String WARNING = "Warning";
    private static final String OVERRIDE = "Prescribed despite the warnings because";

    EntryContent toContent() {
        StringBuilder text = new StringBuilder();
        line(text, DOSE, dose);
        line(text, ROUTE, route);
        line(text, FREQUENCY, frequency);
        line(text, DURATION, Integer.toString(durationDays));
        line(text, QUANTITY, Long.toString(quantity));
        line(text, REFILLS, Integer.toString(refills));
        line(text, VALIDITY, Integer.toString(validityDays));
        line(text, INDICATION, indication);
        if (instructions != null && !instructions.isBlank()) {
            line(text, INSTRUCTIONS, instructions);
        }
        for (String w : warnings) {
            line(text, WARNING, w);
        }
        if (overrideReason != null && !overrideReason.isBlank()) {
            line(text, OVERRIDE, overrideReason);
        }
        return EntryContent.coded(EntryRules.RXNORM, medicineCode, medicineName, text.toString().strip());
    }

    /** The details read back from a prescription's entry; fields it lacks are empty (or 0). */
    static PrescriptionDetails of(EntryContent content) {
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> warnings = new java.util.ArrayList<>();
        for (String l : (content.text() == null ? "" : content.text()).split("\n")) {
            int colon = l.indexOf(": ");
            if (colon <= 0) {
                continue;
            }
            String key = l.substring(0, colon);
            String value = l.substring(colon + 2);
            if (key.equals(WARNING)) {
                warnings.add(value);
            } else {
                fields.putIfAbsent(key, value);
            }
        }
        return new PrescriptionDetails(content.code(), content.display(), fields.getOrDefault(DOSE, ""), fields.getOrDefault(ROUTE, ""),
                fields.getOrDefault(FREQUENCY, ""), number(fields.get(DURATION)), number(fields.get(QUANTITY)),
                number(fields.get(REFILLS)), number(fields.get(VALIDITY)), fields.get(INSTRUCTIONS),
                fields.getOrDefault(INDICATION, ""), List.copyOf(warnings), fields.get(OVERRIDE));
    }

    /** The directions as one sentence: "1 tablet, Oral, twice a day, for 7 days". */
    public String directions() {
        return dose + ", " + route + ", " + frequency + ", for " + durationDays + (durationDays == 1 ? " day" : " days")
                + (instructions == null || instructions.isBlank() ? "" : "; " + instructions);
    }

    private static void line(StringBuilder out, String label, String value) {
        out.append(label).append(": ").append(value.replace('\n', ' ').strip()).append('\n');
    }

    private static int number(String text) {
        try {
            return text == null ? 0 : Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
