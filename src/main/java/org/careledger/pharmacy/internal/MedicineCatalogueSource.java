package org.careledger.pharmacy.internal;

import org.careledger.pharmacy.RxNormCode;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the medicine catalogue: the {@value #FILE} bundled beside this class (generated from Synthea
 * by scripts/extract-medicine-catalogue; NOTICE.md there says where it comes from), or any reader in
 * the same form. Every row is checked, and the first that fails is refused with its line: a code
 * that is not an RxNorm code or comes twice, a blank name, a unit price that is not a whole number
 * of base units from 0 up.
 */
public final class MedicineCatalogueSource {

    /** The bundled catalogue's file name, beside this class. */
    public static final String FILE = "medicines.csv";

    static final List<String> HEADER = List.of("RXNORM", "NAME", "FORM_STRENGTH", "UNIT_PRICE");

    private MedicineCatalogueSource() {
    }

    /**
     * The bundled catalogue, in code order.
     *
     * @throws CatalogueFormatException if a row of the bundled file is malformed
     */
    public static List<Medicine> bundled() {
        return ReferenceCsv.bundled(FILE, MedicineCatalogueSource::read);
    }

    /**
     * The medicines {@code in} lists, in its order.
     *
     * @param source the name a refusal gives the input (a file name)
     * @throws CatalogueFormatException naming the line of the first malformed row
     */
    public static List<Medicine> read(Reader in, String source) {
        List<Medicine> medicines = new ArrayList<>();
        Set<RxNormCode> seen = new HashSet<>();
        for (ReferenceCsv.Row row : ReferenceCsv.read(in, source, HEADER)) {
            Medicine medicine = row.parse(r -> new Medicine(RxNormCode.of(r.get(0)), r.get(1), r.get(2), unitPrice(r.get(3))));
            if (!seen.add(medicine.code())) {
                throw row.refuse("RxNorm " + medicine.code() + " is listed twice");
            }
            medicines.add(medicine);
        }
        return List.copyOf(medicines);
    }

    private static long unitPrice(String text) {
        if (text.isEmpty() || text.length() > 19 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("the unit price must be a whole number of base units from 0 up, not \"" + text + "\"");
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the unit price " + text + " is more base units than a long holds");
        }
    }
}
