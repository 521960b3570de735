package org.careledger.records;

import org.careledger.identity.UserId;

/** A patient denied a doctor's request; whether they gave a reason (it stays sealed with their record). */
public record AccessDenied(UserId patient, UserId doctor, RequestId request, boolean reasonGiven) {
}
