package org.careledger.fhir;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * {@code fhir validate FILE}: validates a FHIR R4 Bundle (JSON) against the base R4 specification and
 * prints each issue with its location. Runs without Spring (a plain main path, as {@code ledger ...}
 * does). Exit 0 when there is no error, 1 when there are errors, 2 for a bad command line or an
 * unreadable file.
 */
public final class FhirCommand {

    static final long MAX_BYTES = 20L * 1024 * 1024;

    private FhirCommand() {
    }

    public static boolean isFhirCommand(String[] args) {
        return args.length > 0 && args[0].equals("fhir");
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** HAPI logs each definition file it loads, and its own files' quirks; the command prints only the issues found. */
    private static void quietLibraries() {
        if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext logback) {
            logback.getLogger("ca.uhn.fhir").setLevel(ch.qos.logback.classic.Level.ERROR);
            logback.getLogger("org.hl7.fhir").setLevel(ch.qos.logback.classic.Level.ERROR);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 3 || !args[1].equals("validate")) {
            err.println("Usage: fhir validate FILE   (FILE: a FHIR R4 resource in JSON, e.g. an exported Bundle)");
            return 2;
        }
        Path file = Path.of(args[2]);
        String json;
        try {
            if (Files.size(file) > MAX_BYTES) {
                err.println(file + " is larger than " + MAX_BYTES / (1024 * 1024) + " MB; it is not validated.");
                return 2;
            }
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            err.println("No file " + file);
            return 2;
        } catch (IOException e) {
            err.println("Cannot read " + file + ": " + e.getMessage());
            return 2;
        }
        quietLibraries();
        out.println("Validating " + file + " against FHIR R4 (loading the R4 definitions takes a few seconds)...");
        FhirValidation.Report report;
        try {
            report = FhirValidation.validate(json);
        } catch (RuntimeException e) { // HAPI's parser, or the JSON reader under the validator, could not read it
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replaceAll("^HAPI-\\d+: ", "");
            out.println("ERROR " + file + ": not a FHIR resource in JSON or XML: " + why);
            out.println("1 errors, 0 warnings or notes.");
            return 1;
        }
        report.issues().forEach(out::println);
        long warnings = report.issues().stream().filter(i -> !i.isError()).count();
        out.println(report.valid() ? "Valid: no errors, " + warnings + " warnings or notes."
                : report.errors().size() + " errors, " + warnings + " warnings or notes.");
        return report.valid() ? 0 : 1;
    }
}
