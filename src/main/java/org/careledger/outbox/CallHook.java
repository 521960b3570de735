package org.careledger.outbox;

import java.util.Optional;
import java.util.Set;

/**
 * What the module that owns some kinds of call does when one of them settles. The module declares
 * it as a Spring bean; the outbox finds it by its kinds (each kind has exactly one hook). Both
 * callbacks run inside the database transaction that settles the call, exactly once per call: a
 * crash before that transaction commits leaves the call unsettled, and the outbox settles it again
 * from the chain after the restart.
 */
public interface CallHook {

    /** The kinds of call this hook answers for. */
    Set<CallKind> kinds();

    /**
     * Whether the caller of this kind goes on as soon as its call is durable, leaving signing and
     * submitting to the outbox's sender thread (a read's audit event: the reader needs no transaction
     * id, and must not queue behind other threads' signing). By default the caller's thread sends its
     * own calls after the commit, so its receipt is pending with a transaction id at once.
     */
    default boolean sentInBackground(CallKind kind) {
        return false;
    }

    /** The call's transaction is in block {@code height} of the home node's main chain. */
    default void committed(QueuedCall call, long height) {
    }

    /**
     * The ledger refused the call for good, after it was queued (a race with someone else's call
     * that the dry run could not see). Returns what to tell the person whose key signed it, in plain
     * words, or empty to tell nobody (the outbox still publishes {@link LedgerCallRefused}).
     */
    default Optional<String> refused(QueuedCall call, Refusal refusal) {
        return Optional.of(explain(call.kind(), refusal));
    }

    /** A refusal in plain words for the person who asked; by default the ledger's own reason. */
    default String explain(CallKind kind, Refusal refusal) {
        return Refusals.plainWords(refusal);
    }
}
