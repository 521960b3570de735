package org.careledger.identity;

/**
 * Someone registered with the email address of an existing account. They were answered as for a
 * new registration; the account's owner and the admins are to be told. Published inside the
 * registering transaction.
 */
public record ExistingEmailRegistered(UserId existingAccount, Role attemptedRole, String attemptedName) {
}
