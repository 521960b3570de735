package org.careledger.identity;

import java.time.Instant;

/**
 * One stored security event, as the {@code careledger.security} log has it: what happened, to which
 * user, the outcome, the admin who acted ({@code null} for the user's own act) and the address of
 * the client the request came from ({@code null} when there was no request). Text is on one line.
 */
public record SecurityEvent(long id, Instant at, String event, String username, String outcome, String actor,
                            String client) {
}
