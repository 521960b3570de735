package org.careledger.fhir.internal;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import org.careledger.common.InvalidInputException;
import org.careledger.contracts.RecordCategory;
import org.careledger.records.EntryContent;
import org.careledger.records.EntryRules;
import org.careledger.records.ImportedEntry;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Resource;

/**
 * What one imported resource becomes: a Condition with a SNOMED CT or ICD-10 coding a diagnosis, a
 * vital-sign or laboratory Observation a measurement, an AllergyIntolerance an allergy, a
 * MedicationRequest or MedicationStatement a medicine, and a DocumentReference with its content inlined
 * a clinical note (plain text) or an attachment (a file, within the limits of the attachment upload:
 * {@link EntryRules}); a DocumentReference that only points at its content by URL is skipped, as
 * nothing is ever fetched. Every other resource is skipped, each with why.
 */
final class ImportedResources {

    /** An entry, or why there is none ({@code skipped}). */
    record Mapped(ImportedEntry entry, String skipped) {

        static Mapped skip(String why) {
            return new Mapped(null, why);
        }
    }

    private ImportedResources() {
    }

    static Mapped of(Resource r) {
        if (r instanceof DocumentReference d) {
            return document(d);
        }
        ImportedEntry entry = entry(r);
        return entry != null ? new Mapped(entry, null) : Mapped.skip("not imported");
    }

    /** A note from plain text, else an attachment checked as the attachment upload checks a file. */
    private static Mapped document(DocumentReference d) {
        if (d.getStatus() == Enumerations.DocumentReferenceStatus.ENTEREDINERROR) {
            return Mapped.skip("entered in error, not imported");
        }
        Attachment inlined = d.getContent().stream().map(DocumentReference.DocumentReferenceContentComponent::getAttachment)
                .filter(Attachment::hasData).findFirst().orElse(null);
        if (inlined == null) {
            boolean linked = d.getContent().stream().anyMatch(c -> c.getAttachment().hasUrl());
            return Mapped.skip(linked ? "external content not fetched" : "no content");
        }
        // the day as written, in the writer's offset: an export at local midnight is still that day in UTC's terms
        LocalDate date = d.hasDate() ? LocalDate.of(d.getDateElement().getYear(), d.getDateElement().getMonth() + 1,
                d.getDateElement().getDay()) : null;
        String description = d.hasDescription() ? d.getDescription() : null;
        byte[] bytes = inlined.getData();
        String type = inlined.hasContentType() ? inlined.getContentType().toLowerCase(Locale.ROOT) : "";
        if (type.startsWith("text/plain")) {
            String text = new String(bytes, StandardCharsets.UTF_8);
            return checked(RecordCategory.CLINICAL_NOTE, EntryContent.note(description == null ? text : description + "\n\n" + text), date);
        }
        if (bytes.length > EntryContent.MAX_ATTACHMENT_BYTES) {
            return Mapped.skip(EntryRules.ATTACHMENT_TOO_LARGE);
        }
        String name = inlined.hasTitle() ? inlined.getTitle() : null;
        return checked(RecordCategory.ATTACHMENT, EntryContent.file(new org.careledger.records.Attachment(name, type, bytes), description),
                date);
    }

    /** An entry that breaks a rule of its category is skipped with the rule's words, not the whole file refused. */
    private static Mapped checked(RecordCategory category, EntryContent content, LocalDate date) {
        try {
            return new Mapped(new ImportedEntry(category, EntryRules.check(category, content), date), null);
        } catch (InvalidInputException e) {
            return Mapped.skip(String.join("; ", e.fieldErrors().values()));
        }
    }

    private static ImportedEntry entry(Resource r) {
        if (r instanceof Condition c && coded(c.getCode()) != null) {
            return new ImportedEntry(RecordCategory.DIAGNOSIS, coded(c.getCode()).withText(notes(c.getNote())),
                    c.hasOnsetDateTimeType() ? day(c.getOnsetDateTimeType().getValue()) : c.hasRecordedDate() ? day(c.getRecordedDate()) : null);
        }
        if (r instanceof Observation o) {
            RecordCategory category = o.getCategory().stream().flatMap(cc -> cc.getCoding().stream()).map(Coding::getCode)
                    .map(code -> "vital-signs".equals(code) ? RecordCategory.VITAL_SIGNS : "laboratory".equals(code) ? RecordCategory.LAB_RESULT : null)
                    .filter(java.util.Objects::nonNull).findFirst().orElse(null);
            String value = value(o);
            if (category == null || value == null) {
                return null;
            }
            return new ImportedEntry(category, EntryContent.measurement(display(o.getCode()), value),
                    o.hasEffectiveDateTimeType() ? day(o.getEffectiveDateTimeType().getValue()) : null);
        }
        if (r instanceof AllergyIntolerance a && display(a.getCode()) != null) {
            Code code = coded(a.getCode());
            EntryContent content = code != null ? code.withText(notes(a.getNote()))
                    : EntryContent.coded(null, null, display(a.getCode()), notes(a.getNote()));
            return new ImportedEntry(RecordCategory.ALLERGY, content, a.hasOnsetDateTimeType() ? day(a.getOnsetDateTimeType().getValue()) : null);
        }
        if (r instanceof MedicationRequest m && m.hasMedicationCodeableConcept() && display(m.getMedicationCodeableConcept()) != null) {
            return new ImportedEntry(RecordCategory.MEDICATION, medicine(m.getMedicationCodeableConcept(), notes(m.getNote())),
                    m.hasAuthoredOn() ? day(m.getAuthoredOn()) : null);
        }
        if (r instanceof MedicationStatement m && m.hasMedicationCodeableConcept() && display(m.getMedicationCodeableConcept()) != null) {
            return new ImportedEntry(RecordCategory.MEDICATION, medicine(m.getMedicationCodeableConcept(), notes(m.getNote())),
                    m.hasEffectiveDateTimeType() ? day(m.getEffectiveDateTimeType().getValue()) : null);
        }
        return null;
    }

    private record Code(String system, String code, String display) {
        EntryContent withText(String text) {
            return EntryContent.coded(system, code, display, text);
        }
    }

    /** The first SNOMED CT or ICD-10 coding (RxNorm for an allergy to a medicine), as the records module names the systems. */
    private static Code coded(CodeableConcept cc) {
        for (Coding c : cc.getCoding()) {
            String system = Codes.SNOMED.equals(c.getSystem()) ? "SNOMED-CT" : Codes.ICD10.equals(c.getSystem()) ? "ICD-10"
                    : Codes.RXNORM.equals(c.getSystem()) ? "RxNorm" : null;
            if (system != null && c.hasCode()) {
                return new Code(system, c.getCode(), c.hasDisplay() ? c.getDisplay() : cc.getText());
            }
        }
        return null;
    }

    private static EntryContent medicine(CodeableConcept cc, String text) {
        for (Coding c : cc.getCoding()) {
            if (Codes.RXNORM.equals(c.getSystem()) && c.hasCode()) {
                return EntryContent.coded("RxNorm", c.getCode(), display(cc), text);
            }
        }
        return EntryContent.coded(null, null, display(cc), text);
    }

    private static String display(CodeableConcept cc) {
        if (cc.hasText()) {
            return cc.getText();
        }
        return cc.getCoding().stream().filter(Coding::hasDisplay).map(Coding::getDisplay).findFirst().orElse(null);
    }

    private static String value(Observation o) {
        if (o.hasValueQuantity()) {
            Quantity q = o.getValueQuantity();
            return q.getValue() == null ? null : q.getValue().toPlainString() + (q.hasUnit() ? " " + q.getUnit() : "");
        }
        if (o.hasValueStringType()) {
            return o.getValueStringType().getValue();
        }
        return null;
    }

    private static String notes(List<Annotation> notes) {
        String text = String.join("\n", notes.stream().filter(Annotation::hasText).map(Annotation::getText).toList());
        return text.isEmpty() ? null : text;
    }

    private static LocalDate day(Date date) {
        return date == null ? null : LocalDate.ofInstant(date.toInstant(), ZoneOffset.UTC);
    }
}
