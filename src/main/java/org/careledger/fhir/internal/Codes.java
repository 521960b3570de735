package org.careledger.fhir.internal;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.careledger.contracts.Purpose;
import org.careledger.contracts.RecordCategory;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Quantity;

/** The code systems, identifier systems and extensions the export writes, and the translations into them. */
public final class Codes {

    public static final String SNOMED = "http://snomed.info/sct";
    public static final String ICD10 = "http://hl7.org/fhir/sid/icd-10";
    public static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
    public static final String UCUM = "http://unitsofmeasure.org";
    public static final String DICOM = "http://dicom.nema.org/resources/ontology/DCM";

    static final String BASE = "https://careledger.org/fhir/";
    public static final String LEDGER_ADDRESS = BASE + "sid/ledger-address";
    public static final String ENTRY_ID = BASE + "sid/record-entry";
    public static final String GRANT_ID = BASE + "sid/grant";
    public static final String RECORD_CATEGORY = BASE + "CodeSystem/record-category";
    /** A complex extension on a resource's meta: the ledger anchor of the entry it was derived from. */
    public static final String ANCHOR = BASE + "StructureDefinition/ledger-anchor";
    /** An extension on the Bundle's meta, once for each part of the record an export leaves out, saying why. */
    public static final String LEFT_OUT = BASE + "StructureDefinition/left-out";

    private static final Map<String, String> UCUM_UNITS = Map.ofEntries(Map.entry("mmHg", "mm[Hg]"), Map.entry("kg", "kg"),
            Map.entry("g", "g"), Map.entry("cm", "cm"), Map.entry("m", "m"), Map.entry("%", "%"), Map.entry("bpm", "/min"),
            Map.entry("/min", "/min"), Map.entry("beats/min", "/min"), Map.entry("breaths/min", "/min"), Map.entry("°C", "Cel"),
            Map.entry("mg/dL", "mg/dL"), Map.entry("mmol/L", "mmol/L"), Map.entry("g/dL", "g/dL"), Map.entry("kg/m2", "kg/m2"),
            Map.entry("U/L", "U/L"), Map.entry("mL/min", "mL/min"));
    private static final Pattern QUANTITY = Pattern.compile("\\s*(-?\\d+(?:\\.\\d+)?)\\s*([^\\s,;]*)\\s*");

    private Codes() {
    }

    /** The FHIR system of a code system as the records module stores it ("SNOMED-CT", "ICD-10", "RxNorm"), or null. */
    public static String system(String stored) {
        if (stored == null) {
            return null;
        }
        return switch (stored) {
            case "SNOMED-CT" -> SNOMED;
            case "ICD-10" -> ICD10;
            case "RxNorm" -> RXNORM;
            default -> null;
        };
    }

    /** A measured value as a UCUM quantity when it is a number with a unit UCUM names (or no unit); null otherwise. */
    public static Quantity quantity(String value) {
        if (value == null) {
            return null;
        }
        Matcher m = QUANTITY.matcher(value);
        if (!m.matches()) {
            return null;
        }
        Quantity q = new Quantity().setValue(new java.math.BigDecimal(m.group(1)));
        String unit = m.group(2);
        if (unit.isEmpty()) {
            return q;
        }
        String ucum = UCUM_UNITS.get(unit);
        if (ucum == null) {
            return null;
        }
        return q.setUnit(unit).setSystem(UCUM).setCode(ucum);
    }

    /** The HL7 purpose of use a grant's purpose stands for. */
    public static Coding purposeOfUse(Purpose purpose) {
        String system = "http://terminology.hl7.org/CodeSystem/v3-ActReason";
        return switch (purpose) {
            case EMERGENCY_FOLLOW_UP -> new Coding(system, "ETREAT", "Emergency Treatment");
            case RESEARCH -> new Coding(system, "HRESCH", "healthcare research");
            default -> new Coding(system, "TREAT", "treatment");
        };
    }

    /** The FHIR resource type an export writes a category's entries as (for a consent's data classes). */
    public static String resourceType(RecordCategory category) {
        return switch (category) {
            case DIAGNOSIS -> "Condition";
            case VITAL_SIGNS, LAB_RESULT, SYMPTOM_REPORT -> "Observation";
            case ALLERGY -> "AllergyIntolerance";
            case MEDICATION -> "MedicationRequest";
            case CLINICAL_NOTE, ATTACHMENT -> "DocumentReference";
        };
    }

    /** A category as a coding of CareLedger's own record-category system. */
    public static Coding category(RecordCategory category) {
        return new Coding(RECORD_CATEGORY, category.name(), label(category));
    }

    public static String label(RecordCategory category) {
        return category.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
