package org.careledger.outbox;

import org.careledger.identity.UserId;
import org.careledger.ledger.Hash;

/**
 * A queued call was refused for good after it was queued: the block that would have held it found
 * a rule broken (two people raced for the same thing). {@code signer} is the user whose key signed it
 * (null for the install's own keys); {@code plainWords} is what its module says to them.
 */
public record LedgerCallRefused(long callId, CallKind kind, UserId signer, String relatedId, Hash transactionId, String rule,
                                String reason, String plainWords) {
}
