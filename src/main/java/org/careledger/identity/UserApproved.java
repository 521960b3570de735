package org.careledger.identity;

import org.careledger.crypto.Address;

/** An admin approved an account; it now has a ledger address. */
public record UserApproved(UserId user, Role role, Address ledgerAddress, String approvedBy) {
}
