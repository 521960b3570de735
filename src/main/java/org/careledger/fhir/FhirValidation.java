package org.careledger.fhir;

import java.util.List;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import org.careledger.fhir.internal.Fhir;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;

/**
 * Validates FHIR R4 JSON against the base R4 specification with HAPI's {@link FhirValidator}: the
 * structure definitions, invariants and the code systems HAPI ships; codes of systems it does not hold
 * (SNOMED CT, LOINC, ICD-10, RxNorm) are not checked, since that needs a terminology server and no
 * server is asked. The validator loads every R4 definition (seconds and hundreds of MB), so there is one
 * shared instance, built on the first {@link #validate} and never at start-up: only {@code fhir validate}
 * and tests call this, never the portal.
 */
public final class FhirValidation {

    /** One issue found, with where it is (a FHIRPath location, and line and column in the file when known). */
    public record Issue(ResultSeverityEnum severity, String location, Integer line, Integer column, String message) {

        public boolean isError() {
            return severity == ResultSeverityEnum.ERROR || severity == ResultSeverityEnum.FATAL;
        }

        @Override
        public String toString() {
            String at = location == null ? "" : location;
            if (line != null) {
                at += " (line " + line + (column == null ? "" : ", column " + column) + ")";
            }
            return severity.getCode().toUpperCase(java.util.Locale.ROOT) + " " + at + ": " + message;
        }
    }

    /** The outcome of one validation. */
    public record Report(List<Issue> issues) {

        public Report {
            issues = List.copyOf(issues);
        }

        public List<Issue> errors() {
            return issues.stream().filter(Issue::isError).toList();
        }

        public boolean valid() {
            return errors().isEmpty();
        }
    }

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(FhirValidation.class);

    private FhirValidation() {
    }

    /** Validates {@code json}, a FHIR R4 resource (a Bundle and everything in it). */
    public static Report validate(String json) {
        long started = System.nanoTime();
        FhirValidator validator = Holder.VALIDATOR;
        log.debug("FHIR validator ready in {} ms", (System.nanoTime() - started) / 1_000_000);
        ValidationResult result = validator.validateWithResult(json);
        return new Report(result.getMessages().stream().map(FhirValidation::issue).toList());
    }

    private static Issue issue(SingleValidationMessage m) {
        return new Issue(m.getSeverity(), m.getLocationString(), m.getLocationLine(), m.getLocationCol(), m.getMessage());
    }

    /** Built when {@link #validate} first runs (the JVM initialises a holder class on its first use only). */
    private static final class Holder {

        static final FhirValidator VALIDATOR = build();

        private static FhirValidator build() {
            FhirContext ctx = Fhir.context();
            ValidationSupportChain support = new ValidationSupportChain(
                    new DefaultProfileValidationSupport(ctx),
                    new CommonCodeSystemsTerminologyService(ctx),
                    new InMemoryTerminologyServerValidationSupport(ctx));
            FhirInstanceValidator instance = new FhirInstanceValidator(support);
            instance.setAnyExtensionsAllowed(true);
            return ctx.newValidator().registerValidatorModule(instance);
        }
    }
}
