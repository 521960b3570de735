package org.careledger.records;

import org.careledger.identity.UserId;

/** An admin reviewed an emergency access and found it justified or not. */
public record EmergencyReviewed(EmergencyId emergency, UserId patient, UserId doctor, UserId admin, boolean justified) {
}
