package org.careledger.identity;

/** Someone registered; an admin must decide. Published inside the registering transaction. */
public record UserRegistered(UserId user, Role role, String fullName) {
}
