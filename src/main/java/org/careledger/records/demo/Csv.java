package org.careledger.records.demo;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RFC 4180 CSV with a header row: fields separated by commas, records by CRLF or LF, and a field in
 * double quotes may hold commas, line breaks and doubled quotes. Rows are keyed by header name, so
 * added columns do not break a reader.
 */
final class Csv {

    private Csv() {
    }

    static List<Map<String, String>> rows(Reader in) throws IOException {
        List<String> header = record(in);
        if (header == null) {
            throw new IOException("CSV has no header row");
        }
        List<Map<String, String>> rows = new ArrayList<>();
        for (List<String> record = record(in); record != null; record = record(in)) {
            if (record.size() != header.size()) {
                throw new IOException("CSV row " + (rows.size() + 1) + " has " + record.size()
                        + " fields, the header " + header.size());
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), record.get(i));
            }
            rows.add(row);
        }
        return rows;
    }

    /** The next record's fields, or null at the end of the input. */
    private static List<String> record(Reader in) throws IOException {
        int c = in.read();
        if (c == -1) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (; ; c = in.read()) {
            if (quoted) {
                if (c == -1) {
                    throw new IOException("CSV ends inside a quoted field");
                }
                if (c != '"') {
                    field.append((char) c);
                    continue;
                }
                c = in.read();
                if (c == '"') {
                    field.append('"');
                    continue;
                }
                quoted = false;
            }
            if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == -1) {
                fields.add(field.toString());
                return fields;
            } else if (c != '\r') {
                field.append((char) c);
            }
        }
    }
}
