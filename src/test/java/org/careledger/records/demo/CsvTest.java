package org.careledger.records.demo;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvTest {

    @Test
    void quotedFieldsKeepTheirCommasQuotesAndLineBreaks() throws IOException {
        String text = "CODE,DESCRIPTION,STOP\r\n"
                + "1,\"Fracture of rib, closed\",\r\n"
                + "2,\"The \"\"worst\"\" headache\nof my life\",2020-01-01\n";

        List<Map<String, String>> rows = Csv.rows(new StringReader(text));

        assertThat(rows).containsExactly(
                Map.of("CODE", "1", "DESCRIPTION", "Fracture of rib, closed", "STOP", ""),
                Map.of("CODE", "2", "DESCRIPTION", "The \"worst\" headache\nof my life", "STOP", "2020-01-01"));
    }

    @Test
    void aRowWithTheWrongNumberOfFieldsOrAnOpenQuoteIsRefused() {
        assertThatThrownBy(() -> Csv.rows(new StringReader("A,B\n1,2,3\n"))).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> Csv.rows(new StringReader("A,B\n1,\"2\n"))).isInstanceOf(IOException.class);
    }
}
