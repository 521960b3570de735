package org.careledger.fhir;

import java.util.List;

/**
 * A FHIR import refused as a whole, with nothing stored: too large, not a Bundle, not JSON, invalid
 * (with the parser's first ten messages), or pointing outside itself.
 */
public class FhirImportRefused extends org.careledger.common.OperationNotAllowedException {

    private final String reason;
    private final List<String> details;

    public FhirImportRefused(String message, List<String> details) {
        super(details.isEmpty() ? message : message + ": " + String.join("; ", details));
        this.reason = message;
        this.details = List.copyOf(details);
    }

    public FhirImportRefused(String message) {
        this(message, List.of());
    }

    /** Why, in a sentence, without the parser's messages. */
    public String reason() {
        return reason;
    }

    /** The parser's messages (at most ten), each a plain sentence with where it was found. */
    public List<String> details() {
        return details;
    }
}
