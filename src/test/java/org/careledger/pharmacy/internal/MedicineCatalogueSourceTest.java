package org.careledger.pharmacy.internal;

import org.careledger.pharmacy.RxNormCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MedicineCatalogueSourceTest {

    private static final String HEADER = "# a comment\nRXNORM,NAME,FORM_STRENGTH,UNIT_PRICE\n";

    @Test
    void theBundledCatalogueLoadsEveryRowWithANameAndAPositivePrice() throws IOException {
        List<Medicine> catalogue = MedicineCatalogueSource.bundled();

        assertThat(catalogue).hasSize(dataRowsOfTheBundledFile());
        assertThat(catalogue).allSatisfy(medicine -> {
            assertThat(medicine.name()).isNotBlank();
            assertThat(medicine.unitPrice()).isPositive();
        });
        assertThat(catalogue).extracting(Medicine::code).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void aMedicineKeepsItsNameFormStrengthAndPriceInBaseUnits() {
        Medicine amoxicillin = MedicineCatalogueSource.bundled().stream()
                .filter(m -> m.code().equals(RxNormCode.of("308182"))).findFirst().orElseThrow();

        assertThat(amoxicillin.name()).isEqualTo("Amoxicillin 250 MG Oral Capsule");
        assertThat(amoxicillin.formStrength()).isEqualTo("250 MG Oral Capsule");
        assertThat(amoxicillin.unitPrice()).isEqualTo(39_095_000L);
        assertThat(amoxicillin.unitPriceInTokens()).hasToString("39.095");
    }

    @Test
    void aQuotedNameKeepsItsCommasAndQuotes() {
        List<Medicine> read = MedicineCatalogueSource.read(new StringReader(HEADER
                + "12,\"insulin isophane, human \"\"NPH\"\"\",\"5 MG/ML Injection, 1 ML\",0\n"), "test.csv");

        assertThat(read).containsExactly(new Medicine(RxNormCode.of("12"), "insulin isophane, human \"NPH\"", "5 MG/ML Injection, 1 ML", 0));
    }

    @Test
    void aMalformedRowIsRefusedWithItsLineNumber() {
        assertRefusedOnItsLine("1,Aspirin,,100\n2,Ibuprofen,,-5\n", "unit price");
        assertRefusedOnItsLine("1,Aspirin,,100\n2,Ibuprofen,,12.50\n", "unit price");
        assertRefusedOnItsLine("1,Aspirin,,100\n2,Ibuprofen,,99999999999999999999\n", "unit price");
        assertRefusedOnItsLine("1,Aspirin,,100\nA12,Ibuprofen,,5\n", "RxNorm code");
        assertRefusedOnItsLine("1,Aspirin,,100\n12345678901,Ibuprofen,,5\n", "RxNorm code");
        assertRefusedOnItsLine("1,Aspirin,,100\n2, ,,5\n", "name");
        assertRefusedOnItsLine("1,Aspirin,,100\n2,Ibuprofen,5\n", "3 fields");
        assertRefusedOnItsLine("1,Aspirin,,100\n1,Aspirin again,,100\n", "listed twice");
        assertRefusedOnItsLine("1,Aspirin,,100\n2,\"Ibuprofen,,5\n", "quoted field");
    }

    @Test
    void aFileWithoutTheExpectedHeaderIsRefused() {
        assertThatThrownBy(() -> MedicineCatalogueSource.read(new StringReader("CODE,NAME\n1,Aspirin\n"), "test.csv"))
                .isInstanceOf(CatalogueFormatException.class)
                .hasMessageContaining("test.csv line 1")
                .hasMessageContaining("RXNORM,NAME,FORM_STRENGTH,UNIT_PRICE");
    }

    private static void assertRefusedOnItsLine(String rows, String problem) {
        assertThatThrownBy(() -> MedicineCatalogueSource.read(new StringReader(HEADER + rows), "test.csv"))
                .isInstanceOfSatisfying(CatalogueFormatException.class, e -> assertThat(e.line()).isEqualTo(4))
                .hasMessageStartingWith("test.csv line 4: ")
                .hasMessageContaining(problem);
    }

    private static int dataRowsOfTheBundledFile() throws IOException {
        try (InputStream in = MedicineCatalogueSource.class.getResourceAsStream(MedicineCatalogueSource.FILE)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return (int) text.lines().filter(line -> !line.startsWith("#") && !line.isBlank()).count() - 1;
        }
    }
}
