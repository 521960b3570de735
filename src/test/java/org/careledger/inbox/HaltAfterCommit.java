package org.careledger.inbox;

import org.careledger.records.AccessRequested;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * For {@link InboxEventsCrashTest}'s child process only (registered by its driver, never scanned): a
 * listener that runs right after the commit that published an access request, before the inbox's
 * own listener, and kills the JVM there when asked to.
 */
public class HaltAfterCommit {

    static final String PROPERTY = "careledger.test.halt-after-commit";
    static final int EXIT_CODE = 86;

    @TransactionalEventListener
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    void on(AccessRequested requested) {
        if (Boolean.getBoolean(PROPERTY)) {
            System.out.println("HALTING");
            System.out.flush();
            Runtime.getRuntime().halt(EXIT_CODE);
        }
    }
}
