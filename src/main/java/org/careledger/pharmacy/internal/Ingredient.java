package org.careledger.pharmacy.internal;

import org.careledger.pharmacy.RxNormCode;
import java.util.Objects;

/** An active ingredient by its RxNorm ingredient code and name: 723 "amoxicillin". */
public record Ingredient(RxNormCode code, String name) {

    /** @throws IllegalArgumentException if the name is blank */
    public Ingredient {
        Objects.requireNonNull(code, "code");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("ingredient " + code + " needs a name");
        }
    }

    @Override
    public String toString() {
        return name + " (RxNorm " + code + ")";
    }
}
