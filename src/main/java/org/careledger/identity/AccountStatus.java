package org.careledger.identity;

/** Where an account stands. Only ACTIVE accounts may sign in. */
public enum AccountStatus {
    /** Registered, waiting for an admin's decision. */
    PENDING("Waiting for approval"),
    /** Approved and able to sign in. */
    ACTIVE("Active"),
    /** Refused by an admin, with a reason the user is shown after a correct password. */
    REJECTED("Rejected"),
    /** Switched off by an admin; the user's sessions ended at once. */
    DISABLED("Disabled");

    private final String label;

    AccountStatus(String label) {
        this.label = label;
    }

    /** The status as a person reads it, in lists and messages. */
    public String label() {
        return label;
    }
}
