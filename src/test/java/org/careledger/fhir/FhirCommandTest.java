package org.careledger.fhir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code fhir validate FILE} without Spring: exit 0 for a valid Bundle, 1 with each error and its location, 2 for a bad call. */
class FhirCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void aValidBundlePassesWithExitZero() throws Exception {
        Path file = write("""
                {"resourceType": "Bundle", "type": "collection", "entry": [{"fullUrl": "urn:uuid:3b1f0c6e-2d7a-4d6b-9a57-1c2f3e4d5a6b",
                  "resource": {"resourceType": "Patient", "id": "3b1f0c6e-2d7a-4d6b-9a57-1c2f3e4d5a6b", "birthDate": "1980-02-29"}}]}
                """);
        assertThat(run("fhir", "validate", file.toString())).as(out.toString()).isZero();
        assertThat(out.toString()).contains("Valid: no errors");
    }

    @Test
    void anInvalidBundleFailsWithEachErrorAndWhereItIs() throws Exception {
        Path file = write("""
                {"resourceType": "Bundle", "type": "collection", "entry": [{"fullUrl": "urn:uuid:3b1f0c6e-2d7a-4d6b-9a57-1c2f3e4d5a6b",
                  "resource": {"resourceType": "Observation", "id": "3b1f0c6e-2d7a-4d6b-9a57-1c2f3e4d5a6b", "status": "guessed",
                  "code": {"text": "Body weight"}}}]}
                """);
        assertThat(run("fhir", "validate", file.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("ERROR").contains("Bundle.entry[0].resource").contains("guessed").contains("errors,");
    }

    @Test
    void aFileThatIsNotFhirIsAnErrorNotACrash() throws Exception {
        Path file = write("this is { not json");
        assertThat(run("fhir", "validate", file.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("ERROR").contains("not a FHIR resource");
    }

    @Test
    void aMissingFileOrABadCommandLineIsExitTwo() {
        assertThat(run("fhir", "validate", dir.resolve("nope.json").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("No file");
        assertThat(run("fhir", "check")).isEqualTo(2);
        assertThat(err.toString()).contains("Usage: fhir validate FILE");
    }

    private Path write(String json) throws Exception {
        Path file = dir.resolve("bundle.json");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        return file;
    }

    private int run(String... args) {
        return FhirCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
