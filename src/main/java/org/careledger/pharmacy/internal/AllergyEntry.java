package org.careledger.pharmacy.internal;

import java.util.regex.Pattern;

/**
 * An allergy as the patient's record holds it: a code (an RxNorm ingredient or clinical drug as
 * Synthea writes them, sometimes a SNOMED CT code, or none) and the free-text name it was recorded
 * with ("Penicillin V", "Allergy to penicillin"). Either may be empty, not both.
 */
public record AllergyEntry(String code, String name) {

    private static final Pattern ALLERGY_TO = Pattern.compile("(?i)^(allergy|allergic|hypersensitivity|intolerance) to\\s+");
    private static final Pattern SEMANTIC_TAG = Pattern.compile("\\s*\\((finding|substance|disorder|product|medicinal product)\\)$");

    /** @throws IllegalArgumentException if both the code and the name are blank */
    public AllergyEntry {
        code = code == null ? "" : code.strip();
        name = name == null ? "" : name.strip();
        if (code.isEmpty() && name.isEmpty()) {
            throw new IllegalArgumentException("an allergy entry needs a code or a name");
        }
    }

    /**
     * What the allergy is to, for a sentence: the name without "Allergy to" in front or a SNOMED
     * CT tag such as "(finding)" behind, else the code. "Allergy to penicillin (finding)" gives
     * "penicillin".
     */
    public String substance() {
        String substance = SEMANTIC_TAG.matcher(ALLERGY_TO.matcher(name).replaceFirst("")).replaceFirst("").strip();
        return substance.isEmpty() ? "code " + code : substance;
    }
}
