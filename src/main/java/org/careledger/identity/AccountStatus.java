package org.careledger.identity;

/** Where an account stands. Only ACTIVE accounts may sign in. */
public enum AccountStatus {
    /** Registered, waiting for an admin's decision. */
    PENDING,
    /** Approved and able to sign in. */
    ACTIVE,
    /** Refused by an admin, with a reason the user is shown after a correct password. */
    REJECTED,
    /** Switched off by an admin; the user's sessions ended at once. */
    DISABLED
}
