package org.careledger.identity;

/**
 * A user's live sessions must end now: the account was disabled, its role changed or its password
 * reset. Published inside the transaction; acted on after it commits.
 */
public record UserSessionsEnded(UserId user, String username, String reason) {
}
