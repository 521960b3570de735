package org.careledger.fhir;

import java.nio.charset.StandardCharsets;

/**
 * A record exported as a FHIR R4 Bundle, ready to download.
 *
 * @param json      the Bundle as FHIR JSON
 * @param resources how many resources the Bundle holds
 */
public record FhirExport(String fileName, String json, int resources) {

    public static final String MEDIA_TYPE = "application/fhir+json";

    public byte[] bytes() {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
