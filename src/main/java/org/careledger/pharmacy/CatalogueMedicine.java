package org.careledger.pharmacy;

import java.time.Instant;
import java.util.Objects;

import org.careledger.common.TokenAmount;

/**
 * A medicine of the catalogue as the portal shows it: its RxNorm code, its name (with the form and
 * strength it gives), its catalogue price per unit, and when it was withdrawn, if it was: a withdrawn
 * medicine stays listed, so that older prescriptions still name it, but cannot be newly prescribed.
 */
public record CatalogueMedicine(RxNormCode code, String name, String formStrength, TokenAmount unitPrice, Instant withdrawnAt) {

    public CatalogueMedicine {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unitPrice, "unitPrice");
    }

    public boolean withdrawn() {
        return withdrawnAt != null;
    }

    /** The code and the name, as a pick list shows it: "308182 · Amoxicillin 250 MG Oral Capsule". */
    public String label() {
        return code.value() + " · " + name;
    }
}
