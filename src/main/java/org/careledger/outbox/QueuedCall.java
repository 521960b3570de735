package org.careledger.outbox;

import org.careledger.ledger.ContractCall;
import org.careledger.ledger.Hash;

/**
 * A call in the outbox as its owning module sees it: its id, kind, signer, subject and related id
 * (whatever the module gave when it queued it), the call itself, and where it stands.
 */
public record QueuedCall(long id, CallKind kind, Signer signer, String subject, String relatedId, ContractCall call,
                         LedgerReceipt receipt) {

    public Hash txId() {
        return receipt.txId();
    }

    public LedgerReceipt.Status status() {
        return receipt.status();
    }

    public boolean inFlight() {
        return receipt.inFlight();
    }
}
