package org.careledger.fhir.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.ErrorHandlerAdapter;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue;
import org.careledger.records.ImportedEntry;
import org.hl7.fhir.instance.model.api.IBaseReference;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

/**
 * Reads a FHIR R4 Bundle (JSON only) for import: HAPI's parser with every complaint collected (the
 * first ten are given back), our own limits (20 MB, 5,000 resources), and no reference outside the
 * Bundle, which is refused, never fetched. What becomes an entry, and why the rest is skipped, is
 * {@link ImportedResources}' to say.
 */
public final class BundleReader {

    public static final int MAX_BYTES = 20 * 1024 * 1024;
    public static final int MAX_RESOURCES = 5_000;
    static final int MAX_MESSAGES = 10;

    /** A Bundle read: the entries it holds, each with the resource it came from, and what was skipped, each with why. */
    public record Read(List<Item> entries, List<String> skipped) {
    }

    /** An entry read from a resource, {@code label} naming the resource ("Condition 42") for a report. */
    public record Item(String label, ImportedEntry entry) {
    }

    /** Told of each resource dealt with, for a progress bar: {@code done} of {@code total}. */
    public interface Steps {
        Steps NONE = (done, total) -> { };

        void checked(int done, int total);
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
        return read(bytes, Steps.NONE);
    }

    public static Read read(byte[] bytes, Steps steps) {
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
        List<Item> entries = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        int total = bundle.getEntry().size();
        int done = 0;
        for (Bundle.BundleEntryComponent e : bundle.getEntry()) {
            Resource r = e.getResource();
            if (r == null) {
                skipped.add("an entry without a resource");
            } else {
                String label = r.fhirType() + (r.getIdElement().hasIdPart() ? " " + r.getIdElement().getIdPart() : "");
                ImportedResources.Mapped mapped = ImportedResources.of(r);
                if (mapped.entry() != null) {
                    entries.add(new Item(label, mapped.entry()));
                } else {
                    skipped.add(label + ": " + mapped.skipped());
                }
            }
            steps.checked(++done, total);
        }
        return new Read(entries, skipped);
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
