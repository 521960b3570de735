package org.careledger.provider;

import java.text.Normalizer;
import java.util.Map;

import org.careledger.common.ProperName;
import org.careledger.common.SingleLine;

/**
 * The rules for a provider's fields as an admin types them. Both are single-line ({@link SingleLine}):
 * the name is offered in the registration form's list and the address shown in one grid cell. The
 * name also keeps to a person's name's characters ({@link ProperName}): it is shown to every
 * applicant and in every doctor's and pharmacist's details, so it is never markup. Each check puts
 * its message under the field's name in {@code errors} and returns the value as stored.
 */
final class ProviderRules {

    static final int MAX_NAME = 120;
    static final int MAX_ADDRESS = 300;

    private ProviderRules() {
    }

    static String name(String raw, Map<String, String> errors) {
        String name = oneLine(raw == null ? null : Normalizer.normalize(raw, Normalizer.Form.NFC), MAX_NAME, "name",
                "Enter the provider's name (1 to " + MAX_NAME + " characters)", errors);
        if (!errors.containsKey("name") && !ProperName.holds(name)) {
            errors.put("name", ProperName.MESSAGE);
        }
        return name;
    }

    static String address(String raw, Map<String, String> errors) {
        return oneLine(raw, MAX_ADDRESS, "address", "Enter the provider's address (1 to " + MAX_ADDRESS + " characters)", errors);
    }

    /** Trimmed; a control character anywhere, even at an end that trimming would drop, is refused. */
    private static String oneLine(String raw, int max, String field, String missingOrTooLong, Map<String, String> errors) {
        String value = raw == null ? "" : raw.strip();
        if (value.isEmpty() || value.length() > max) {
            errors.put(field, missingOrTooLong);
        } else if (!SingleLine.holds(raw)) {
            errors.put(field, SingleLine.MESSAGE);
        }
        return value;
    }
}
