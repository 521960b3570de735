package org.careledger.identity;

/** An admin approved an account; it now has a ledger address. */
public record UserApproved(UserId user, Role role, String ledgerAddress, String approvedBy) {
}
