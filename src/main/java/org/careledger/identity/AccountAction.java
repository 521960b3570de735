package org.careledger.identity;

/** What an admin may do to an account; {@link AccountAdministration#actionsOn} says which apply to whom. */
public enum AccountAction {
    CHANGE_ROLE,
    DISABLE,
    ENABLE,
    RESET_PASSWORD,
    /** Lifts the sign-in throttle on the account's username, for every client. */
    UNLOCK
}
