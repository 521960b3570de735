package org.careledger.contracts;

/**
 * Where a consent request stands as of some time. PENDING, GRANTED and DENIED are stored; REVOKED
 * and EXPIRED are derived from the grant (revoked at or before that time, or its end reached).
 */
public enum RequestStatus {
    PENDING,
    GRANTED,
    DENIED,
    REVOKED,
    EXPIRED
}
