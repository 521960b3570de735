package org.careledger.records;

import java.time.LocalDate;

import org.careledger.contracts.RecordCategory;

/**
 * An entry brought in from another system (another hospital's FHIR export, say), as the importing
 * module read it; checked by {@link EntryRules} when it is stored.
 *
 * @param clinicalDate when it happened; null for the day of the import
 */
public record ImportedEntry(RecordCategory category, EntryContent content, LocalDate clinicalDate) {
}
