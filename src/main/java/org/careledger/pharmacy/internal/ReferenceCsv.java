package org.careledger.pharmacy.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The reference files' CSV: lines starting with '#' (the file's description) and blank lines are
 * skipped, the first other line is the header, and each row is one line of RFC 4180 fields (a field
 * in double quotes may hold commas and doubled quotes, not line breaks). Every row keeps its line
 * number, so a refusal can name it.
 */
final class ReferenceCsv {

    /** A row with the file and line it came from. */
    record Row(String source, int line, List<String> fields) {

        String get(int index) {
            return fields.get(index);
        }

        /** A refusal naming this row's line. */
        CatalogueFormatException refuse(String problem) {
            return new CatalogueFormatException(source, line, problem);
        }

        /** {@code parse}'s value for this row, its {@link IllegalArgumentException} refused with this row's line. */
        <T> T parse(Function<Row, T> parse) {
            try {
                return parse.apply(this);
            } catch (IllegalArgumentException e) {
                throw refuse(e.getMessage());
            }
        }
    }

    private ReferenceCsv() {
    }

    /** The rows of {@code in} after a header that must be exactly {@code header}. */
    static List<Row> read(Reader in, String source, List<String> header) {
        BufferedReader lines = new BufferedReader(in);
        List<Row> rows = new ArrayList<>();
        boolean headerSeen = false;
        int number = 0;
        try {
            for (String text = lines.readLine(); text != null; text = lines.readLine()) {
                number++;
                if (text.startsWith("#") || text.isBlank()) {
                    continue;
                }
                Row row = new Row(source, number, fields(text, source, number));
                if (!headerSeen) {
                    if (!row.fields().equals(header)) {
                        throw row.refuse("the header must be " + String.join(",", header) + ", not " + text);
                    }
                    headerSeen = true;
                } else if (row.fields().size() != header.size()) {
                    throw row.refuse("has " + row.fields().size() + " fields, the header " + header.size());
                } else {
                    rows.add(row);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(source + " could not be read", e);
        }
        if (!headerSeen) {
            throw new CatalogueFormatException(source, number, "no header row " + String.join(",", header));
        }
        return rows;
    }

    /** Reads the file beside these classes named {@code file} with {@code parse}. */
    static <T> T bundled(String file, BiFunction<Reader, String, T> parse) {
        InputStream in = ReferenceCsv.class.getResourceAsStream(file);
        if (in == null) {
            throw new IllegalStateException("The pharmacy's reference file " + file + " is missing from the classpath");
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return parse.apply(reader, file);
        } catch (IOException e) {
            throw new UncheckedIOException(file + " could not be read", e);
        }
    }

    private static List<String> fields(String line, String source, int number) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c != '"') {
                    field.append(c);
                } else if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else {
                    quoted = false;
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new CatalogueFormatException(source, number, "a quoted field is not closed on its line");
        }
        fields.add(field.toString());
        return fields;
    }
}
