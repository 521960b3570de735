package org.careledger.identity;

/** An admin refused a registration, with a reason the applicant sees. */
public record UserRejected(UserId user, String reason, String rejectedBy) {
}
