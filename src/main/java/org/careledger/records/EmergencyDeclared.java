package org.careledger.records;

import org.careledger.identity.UserId;

/** A doctor opened a patient's record in an emergency, without consent; admins are to review it. */
public record EmergencyDeclared(UserId patient, UserId doctor) {
}
