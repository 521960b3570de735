package org.careledger.fhir;

import java.util.List;

/**
 * What an import did: the entries now waiting for the patient's approval, the resources skipped (each
 * with its type and why), and how many were already there (in the record or waiting) and so skipped.
 */
public record FhirImportReport(int pending, List<String> skipped, int alreadyThere) {

    public FhirImportReport {
        skipped = List.copyOf(skipped);
    }
}
