package org.careledger.fhir.internal;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * The one HAPI {@link FhirContext} for R4, built on first use (it scans the model's classes and takes
 * about a second), never at start-up: no class here touches it in a static initialiser.
 */
public final class Fhir {

    private Fhir() {
    }

    /** The shared R4 context; HAPI builds it once per JVM on the first call and keeps it. */
    public static FhirContext context() {
        return FhirContext.forR4Cached();
    }

    /** Pretty-printed JSON of {@code resource}. */
    public static String json(IBaseResource resource) {
        IParser parser = context().newJsonParser().setPrettyPrint(true);
        return parser.encodeResourceToString(resource);
    }
}
