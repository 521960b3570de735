package org.careledger.pharmacy;

import java.util.LinkedHashMap;
import java.util.Map;

import org.careledger.common.InvalidInputException;
import org.careledger.common.SingleLine;
import org.careledger.contracts.RecordCategory;
import org.careledger.records.EntryContent;
import org.careledger.records.EntryRules;

/**
 * What a prescription's draft must hold, checked before anything else: every field, every problem
 * at once, keyed by the form's field names; the indication checked as a DIAGNOSIS entry would be.
 * Plain rules, no state: {@link Prescribing} calls them first.
 */
final class PrescriptionRules {

    private PrescriptionRules() {
    }

    /** A draft whose every field is valid. */
    record Checked(RxNormCode medicine, String dose, String route, String frequency, int durationDays, long quantity,
                           int refills, int validityDays, String instructions, String indication) {
    }

    /** Every field of the draft, every problem at once. */
    static Checked check(PrescriptionDraft d) {
        Map<String, String> errors = new LinkedHashMap<>();
        RxNormCode medicine = d.medicine() == null ? null : RxNormCode.tryParse(d.medicine()).orElse(null);
        if (medicine == null) {
            errors.put("medicine", "Choose a medicine from the catalogue");
        }
        String dose = required(d.dose(), 100, "dose", "Enter the dose, for example 1 tablet or 5 mL", errors);
        String route = d.route() == null ? null : d.route().strip();
        if (route == null || !PrescriptionDraft.ROUTES.contains(route)) {
            errors.put("route", "Choose how it is taken, for example Oral");
        }
        String frequency = required(d.frequency(), 100, "frequency", "Enter how often, for example twice a day", errors);
        int duration = range(d.durationDays(), 1, 366, "durationDays", "Enter for how many days, 1 to 366", errors);
        long quantity = d.quantity() == null ? 0 : d.quantity();
        if (d.quantity() == null || quantity < 1 || quantity > PrescriptionDraft.MAX_QUANTITY) {
            errors.put("quantity", "Enter the quantity one fill dispenses, 1 to " + PrescriptionDraft.MAX_QUANTITY);
        }
        int refills = range(d.refills(), 0, 5, "refills", "Refills are 0 to 5", errors);
        int validity = range(d.validityDays() == null ? PrescriptionDraft.DEFAULT_VALIDITY_DAYS : d.validityDays(), 1, 366,
                "validityDays", "A prescription is valid for 1 to 366 days", errors);
        String instructions = oneLine(d.instructions(), 300, "instructions", errors);
        String indication = indication(d, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Checked(medicine, dose, route, frequency, duration, quantity, refills, validity, instructions, indication);
    }

    /** The diagnosis treated, as one line ("ICD-10 J02.9 Acute pharyngitis"), checked as a DIAGNOSIS entry would be. */
    private static String indication(PrescriptionDraft d, Map<String, String> errors) {
        if (blank(d.indicationCode()) && blank(d.indicationDisplay())) {
            errors.put("indicationCode", "An indication is required: choose a diagnosis from the record, or type its ICD-10 or SNOMED CT code");
            return null;
        }
        try {
            EntryContent c = EntryRules.check(RecordCategory.DIAGNOSIS, EntryContent.coded(blank(d.indicationSystem()) ? null
                    : d.indicationSystem(), blank(d.indicationCode()) ? null : d.indicationCode(), d.indicationDisplay(), null));
            if (c.code() == null) {
                errors.put("indicationCode", "Give the diagnosis's ICD-10 or SNOMED CT code");
                return null;
            }
            return c.codeSystem() + " " + c.code() + " " + c.display();
        } catch (InvalidInputException e) {
            e.fieldErrors().forEach((field, message) -> errors.put(switch (field) {
                case "codeSystem" -> "indicationSystem";
                case "code" -> "indicationCode";
                default -> "indicationDisplay";
            }, message));
            return null;
        }
    }

    private static String required(String value, int max, String field, String message, Map<String, String> errors) {
        String v = oneLine(value, max, field, errors);
        if (v == null && !errors.containsKey(field)) {
            errors.put(field, message);
        }
        return v;
    }

    /** The text stripped, or null when blank; an error when it is longer than {@code max} or not one line. */
    static String oneLine(String value, int max, String field, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (!SingleLine.holds(v)) {
            errors.put(field, SingleLine.MESSAGE);
        } else if (v.length() > max) {
            errors.put(field, "At most " + max + " characters");
        }
        return v;
    }

    private static int range(Integer value, int min, int max, String field, String message, Map<String, String> errors) {
        if (value == null || value < min || value > max) {
            errors.put(field, message);
            return 0;
        }
        return value;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
