package org.careledger.common;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Input that a form sent and a service refused. Carries one message per field, keyed by the field's
 * name as the form knows it, so the view can show each message next to its field; nothing was saved.
 */
public class InvalidInputException extends RuntimeException {

    private final Map<String, String> fieldErrors;

    public InvalidInputException(Map<String, String> fieldErrors) {
        super(summary(fieldErrors));
        if (fieldErrors.isEmpty()) {
            throw new IllegalArgumentException("An InvalidInputException names at least one field");
        }
        this.fieldErrors = Collections.unmodifiableMap(new LinkedHashMap<>(fieldErrors));
    }

    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException(Map.of(field, message));
    }

    /** Field name to the message a person reads, in the form's order. */
    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    private static String summary(Map<String, String> errors) {
        return errors.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("; "));
    }
}
