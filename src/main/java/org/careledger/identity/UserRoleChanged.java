package org.careledger.identity;

/** An admin moved a staff member to another role. */
public record UserRoleChanged(UserId user, Role from, Role to, String changedBy) {
}
