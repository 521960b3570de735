package org.careledger.contracts;

/** Why a doctor asks for access to a patient's records; stored on chain by its name. */
public enum Purpose {
    TREATMENT,
    REFERRAL,
    SECOND_OPINION,
    EMERGENCY_FOLLOW_UP,
    RESEARCH;

    /** The purpose of this name, or {@code null} if there is none. */
    static Purpose named(String name) {
        for (Purpose p : values()) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        return null;
    }
}
