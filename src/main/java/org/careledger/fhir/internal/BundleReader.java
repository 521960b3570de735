package org.careledger.fhir.internal;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.ErrorHandlerAdapter;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue;
import org.careledger.contracts.RecordCategory;
import org.careledger.records.EntryContent;
import org.careledger.records.PatientRecords.ImportedEntry;
import org.hl7.fhir.instance.model.api.IBaseReference;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Resource;

/**
 * Reads a FHIR R4 Bundle (JSON only) for import: HAPI's parser with every complaint collected (the
 * first ten are given back), our own limits (20 MB, 5,000 resources), and no reference outside the
 * Bundle, which is refused, never fetched. Conditions, vital-sign and laboratory Observations,
 * AllergyIntolerances, MedicationRequests and MedicationStatements become entries; every other
 * resource is listed as skipped.
 */
public final class BundleReader {

    public static final int MAX_BYTES = 20 * 1024 * 1024;
    public static final int MAX_RESOURCES = 5_000;
    static final int MAX_MESSAGES = 10;

    /** A Bundle read: the entries it holds, and what was skipped. */
    public record Read(List<ImportedEntry> entries, List<String> skipped) {
    }

    /** Why an import is refused, with the parser's messages when it has them. */
    public static final class Refusal extends RuntimeException {
        public final List<String> messages;

        Refusal(String message, List<String> messages) {
            super(message);
            this.messages = List.copyOf(messages);
        }
    }

    private BundleReader() {
    }

    public static Read read(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw new Refusal("The file is larger than " + MAX_BYTES / (1024 * 1024) + " MB", List.of());
        }
        String text = new String(bytes, StandardCharsets.UTF_8).strip();
        if (text.startsWith("<")) {
            throw new Refusal("Only FHIR JSON can be imported, not XML", List.of());
        }
        if (!text.startsWith("{")) {
            throw new Refusal("This is not a FHIR JSON file", List.of());
        }
        Collecting errors = new Collecting();
        IParser parser = Fhir.context().newJsonParser().setParserErrorHandler(errors);
        Bundle bundle;
        try {
            var parsed = parser.parseResource(text);
            if (!(parsed instanceof Bundle b)) {
                throw new Refusal("The file holds a " + parsed.fhirType() + ", not a Bundle", List.of());
            }
            bundle = b;
        } catch (DataFormatException e) {
            List<String> all = new ArrayList<>(errors.messages);
            all.add(plain(e.getMessage()));
            throw new Refusal("This is not a valid FHIR R4 Bundle", first(all));
        }
        if (!errors.messages.isEmpty()) {
            throw new Refusal("This is not a valid FHIR R4 Bundle", first(errors.messages));
        }
        if (bundle.getEntry().size() > MAX_RESOURCES) {
            throw new Refusal("The Bundle holds " + bundle.getEntry().size() + " resources; at most " + MAX_RESOURCES + " are imported at once",
                    List.of());
        }
        List<String> external = new ArrayList<>();
        for (Bundle.BundleEntryComponent e : bundle.getEntry()) {
            if (e.getResource() != null) {
                Fhir.context().newTerser().getAllPopulatedChildElementsOfType(e.getResource(), IBaseReference.class).forEach(r -> {
                    String ref = r.getReferenceElement().getValue();
                    if (ref != null && (ref.startsWith("http://") || ref.startsWith("https://"))) {
                        external.add(e.getResource().fhirType() + " refers to " + ref);
                    }
                });
            }
        }
        if (!external.isEmpty()) {
            throw new Refusal("The Bundle refers to resources outside itself, which are not fetched", first(external));
        }
        List<ImportedEntry> entries = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Bundle.BundleEntryComponent e : bundle.getEntry()) {
            Resource r = e.getResource();
            if (r == null) {
                skipped.add("an entry without a resource");
                continue;
            }
            ImportedEntry entry = entry(r);
            if (entry == null) {
                skipped.add(r.fhirType() + (r.getIdElement().hasIdPart() ? " " + r.getIdElement().getIdPart() : "") + ": not imported");
            } else {
                entries.add(entry);
            }
        }
        return new Read(entries, skipped);
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

    private static List<String> first(List<String> messages) {
        return messages.stream().limit(MAX_MESSAGES).toList();
    }

    private static String plain(String message) {
        return message == null ? "unreadable" : message.replaceAll("^HAPI-\\d+: ", "");
    }

    /** Collects what the strict parser would throw on, so the person sees up to ten at once. */
    private static final class Collecting extends ErrorHandlerAdapter {
        final List<String> messages = new ArrayList<>();

        private void add(IParseLocation where, String what) {
            messages.add((where == null || where.toString() == null ? "" : where + ": ") + what);
        }

        @Override
        public void unknownElement(IParseLocation where, String name) {
            add(where, "unknown element '" + name + "'");
        }

        @Override
        public void unknownAttribute(IParseLocation where, String name) {
            add(where, "unknown attribute '" + name + "'");
        }

        @Override
        public void invalidValue(IParseLocation where, String value, String error) {
            add(where, "invalid value '" + value + "': " + error);
        }

        @Override
        public void missingRequiredElement(IParseLocation where, String name) {
            add(where, "missing required element '" + name + "'");
        }

        @Override
        public void unexpectedRepeatingElement(IParseLocation where, String name) {
            add(where, "'" + name + "' appears more than once");
        }

        @Override
        public void incorrectJsonType(IParseLocation where, String name, BaseJsonLikeValue.ValueType expected,
                                      BaseJsonLikeValue.ScalarType expectedScalar, BaseJsonLikeValue.ValueType found,
                                      BaseJsonLikeValue.ScalarType foundScalar) {
            add(where, "'" + name + "' should be " + (expectedScalar != null ? expectedScalar : expected) + ", not "
                    + (foundScalar != null ? foundScalar : found));
        }

        @Override
        public void extensionContainsValueAndNestedExtensions(IParseLocation where) {
            add(where, "an extension has both a value and nested extensions");
        }

        @Override
        public void containedResourceWithNoId(IParseLocation where) {
            add(where, "a contained resource has no id");
        }
    }
}
