package org.careledger.fhir.internal;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;

import org.careledger.records.EntryContent;
import org.careledger.records.EntryStatus;
import org.careledger.records.RecordEntryView;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Basic;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

/**
 * One record entry as the FHIR resource of its category, with the codes, values and dates as stored:
 * a diagnosis as a Condition, vital signs, lab results and symptom reports as Observations (UCUM
 * quantities where the value is a number with a known unit), an allergy as an AllergyIntolerance, a
 * medicine as a MedicationRequest (a MedicationStatement when the patient reported it), notes and
 * attachments as DocumentReferences with their content inlined. An erased entry becomes a Basic
 * resource saying only when it was erased.
 */
final class EntryResources {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private EntryResources() {
    }

    /** The entry's resource, or null when its content is not there to export (withheld, or not held here). */
    static DomainResource of(RecordEntryView e, Reference patient, Reference author) {
        if (e.status() == EntryStatus.ERASED) {
            return erased(e, patient);
        }
        EntryContent c = e.content();
        if (c == null) {
            return null;
        }
        DomainResource r = switch (e.category()) {
            case DIAGNOSIS -> condition(e, c, patient, author);
            case VITAL_SIGNS -> observation(e, c, patient, author, "vital-signs", "Vital Signs");
            case LAB_RESULT -> observation(e, c, patient, author, "laboratory", "Laboratory");
            case SYMPTOM_REPORT -> observation(e, c, patient, author, "survey", "Survey");
            case ALLERGY -> allergy(e, c, patient, author);
            case MEDICATION -> e.selfReported() ? statement(e, c, patient) : request(e, c, patient, author);
            case CLINICAL_NOTE, ATTACHMENT -> document(e, c, patient, author);
        };
        return r;
    }

    static Identifier identifier(RecordEntryView e) {
        return new Identifier().setSystem(Codes.ENTRY_ID).setValue(e.entryId().value());
    }

    private static Basic erased(RecordEntryView e, Reference patient) {
        String note = e.erasedAt() == null ? "erased" : "erased on " + DAY.format(e.erasedAt());
        Basic b = new Basic().setCode(new CodeableConcept(Codes.category(e.category())).setText(note)).setSubject(patient);
        b.addIdentifier(identifier(e));
        if (e.erasedAt() != null) {
            b.setCreated(Date.from(e.erasedAt()));
        }
        Narrative text = new Narrative().setStatus(Narrative.NarrativeStatus.GENERATED);
        text.setDivAsString("<div xmlns=\"http://www.w3.org/1999/xhtml\">" + note + "</div>");
        b.setText(text);
        return b;
    }

    private static CodeableConcept code(EntryContent c) {
        CodeableConcept cc = new CodeableConcept().setText(c.display());
        String system = Codes.system(c.codeSystem());
        if (system != null && c.code() != null) {
            cc.addCoding(new Coding(system, c.code(), c.display()));
        }
        return cc;
    }

    private static DateTimeType date(RecordEntryView e) {
        return e.clinicalDate() == null ? null : new DateTimeType(e.clinicalDate().toString());
    }

    private static Annotation note(String text) {
        return text == null || text.isBlank() ? null : new Annotation().setText(text);
    }

    private static Condition condition(RecordEntryView e, EntryContent c, Reference patient, Reference author) {
        Condition r = new Condition().setSubject(patient).setCode(code(c)).setOnset(date(e));
        r.addIdentifier(identifier(e));
        if (author != null) {
            r.setRecorder(author);
        }
        if (note(c.text()) != null) {
            r.addNote(note(c.text()));
        }
        return r;
    }

    private static Observation observation(RecordEntryView e, EntryContent c, Reference patient, Reference author, String category,
                                           String categoryDisplay) {
        Observation r = new Observation().setStatus(Observation.ObservationStatus.FINAL).setSubject(patient)
                .setCode(new CodeableConcept().setText(c.display() != null ? c.display() : "Symptom report")).setEffective(date(e));
        r.addIdentifier(identifier(e));
        r.addCategory(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/observation-category", category,
                categoryDisplay)));
        Quantity q = Codes.quantity(c.text());
        if (q != null) {
            r.setValue(q);
        } else if (c.text() != null && !c.text().isBlank()) {
            r.setValue(new StringType(c.text()));
        }
        if (author != null) {
            r.addPerformer(author);
        }
        return r;
    }

    private static AllergyIntolerance allergy(RecordEntryView e, EntryContent c, Reference patient, Reference author) {
        AllergyIntolerance r = new AllergyIntolerance().setPatient(patient).setCode(code(c));
        r.addIdentifier(identifier(e));
        // ait-1: a clinical status is required; an allergy in the record is one the patient has
        r.setClinicalStatus(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical",
                "active", "Active")));
        r.setOnset(date(e));
        if (author != null) {
            r.setRecorder(author);
        }
        if (note(c.text()) != null) {
            r.addNote(note(c.text()));
        }
        return r;
    }

    private static MedicationRequest request(RecordEntryView e, EntryContent c, Reference patient, Reference author) {
        MedicationRequest r = new MedicationRequest().setStatus(MedicationRequest.MedicationRequestStatus.UNKNOWN)
                .setIntent(MedicationRequest.MedicationRequestIntent.ORDER).setSubject(patient).setMedication(code(c));
        r.addIdentifier(identifier(e));
        if (e.clinicalDate() != null) {
            r.setAuthoredOnElement(date(e));
        }
        if (author != null) {
            r.setRequester(author);
        }
        if (note(c.text()) != null) {
            r.addNote(note(c.text()));
        }
        return r;
    }

    private static MedicationStatement statement(RecordEntryView e, EntryContent c, Reference patient) {
        MedicationStatement r = new MedicationStatement().setStatus(MedicationStatement.MedicationStatementStatus.UNKNOWN)
                .setSubject(patient).setMedication(code(c)).setEffective(date(e)).setInformationSource(patient);
        r.addIdentifier(identifier(e));
        if (note(c.text()) != null) {
            r.addNote(note(c.text()));
        }
        return r;
    }

    private static DocumentReference document(RecordEntryView e, EntryContent c, Reference patient, Reference author) {
        DocumentReference r = new DocumentReference().setStatus(Enumerations.DocumentReferenceStatus.CURRENT).setSubject(patient);
        r.addIdentifier(identifier(e));
        r.setType(new CodeableConcept(Codes.category(e.category())));
        if (e.clinicalDate() != null) {
            r.setDate(java.sql.Date.valueOf(e.clinicalDate()));
        }
        if (author != null) {
            r.addAuthor(author);
        }
        Attachment a;
        if (c.attachment() != null) {
            a = new Attachment().setContentType(c.attachment().mediaType()).setData(c.attachment().bytes()).setTitle(c.attachment().name());
            if (c.text() != null && !c.text().isBlank()) {
                r.setDescription(c.text());
            }
        } else {
            a = new Attachment().setContentType("text/plain; charset=utf-8")
                    .setData((c.text() == null ? "" : c.text()).getBytes(StandardCharsets.UTF_8));
        }
        r.addContent().setAttachment(a);
        return r;
    }
}
