package org.careledger.recommend.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The bundled data's CSV: one record a line, RFC 4180 quoting ({@code "a, b"}, {@code ""} for a quote),
 * no line breaks inside fields (the prep tool writes none). Lists inside a field are {@code |}-separated.
 */
final class Csv {

    private Csv() {
    }

    static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    static String quote(String field) {
        String f = field.replace('\n', ' ').replace('\r', ' ');
        if (f.indexOf(',') < 0 && f.indexOf('"') < 0) {
            return f;
        }
        return '"' + f.replace("\"", "\"\"") + '"';
    }

    static String line(Object... fields) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(quote(String.valueOf(fields[i])));
        }
        return b.toString();
    }

    static List<String> list(String field) {
        if (field.isEmpty()) {
            return List.of();
        }
        return List.of(field.split("\\|"));
    }

    /** The records (header dropped) of a gzip CSV on the class path. */
    static List<List<String>> readResource(String path) {
        InputStream in = Csv.class.getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("bundled data missing from the class path: " + path);
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8))) {
            List<List<String>> rows = new ArrayList<>();
            r.readLine();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank()) {
                    rows.add(split(line));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled data " + path, e);
        }
    }
}
