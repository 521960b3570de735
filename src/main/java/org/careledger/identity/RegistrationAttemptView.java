package org.careledger.identity;

import java.time.Instant;

/** A registration made with an existing account's email, as the admins see it. */
public record RegistrationAttemptView(long id, String existingUsername, String existingName, Role attemptedRole, String attemptedName,
                                      Instant at) {
}
