package org.careledger.records;

import java.util.Map;
import java.util.Optional;

import org.careledger.common.NotFoundException;
import org.careledger.contracts.ProofSubjects;
import org.careledger.ledger.Hash;
import org.careledger.node.LedgerService;
import org.careledger.outbox.CallKind;
import org.careledger.outbox.LedgerOutbox;
import org.careledger.outbox.QueuedCall;
import org.springframework.stereotype.Component;

/**
 * Proof bundles of consent transactions (a request, grant, denial, revocation, emergency access or
 * review), for the users they are about: whoever signed it, or the patient it concerns.
 */
@Component
class ConsentProofs {

    private static final Map<CallKind, String> METHODS = Map.of(RecordCalls.REQUEST, "request", RecordCalls.GRANT, "grant",
            RecordCalls.DENY, "deny", RecordCalls.REVOKE, "revoke", RecordCalls.EMERGENCY, "emergency", RecordCalls.REVIEW,
            "reviewEmergency");

    private final LedgerOutbox outbox;
    private final LedgerService ledger;

    ConsentProofs(LedgerOutbox outbox, LedgerService ledger) {
        this.outbox = outbox;
        this.ledger = ledger;
    }

    /** The proof of consent transaction {@code txId} about {@code me}; empty while it is pending. */
    Optional<ProofDownload> proofOf(Caller me, Hash txId) {
        QueuedCall call = outbox.byTransaction(txId)
                .filter(c -> c.signer().equals(me.signer()) || me.address().toString().equalsIgnoreCase(c.subject()))
                .filter(c -> METHODS.containsKey(c.kind()))
                .orElseThrow(() -> new NotFoundException("No consent transaction " + txId.shortHex() + " of yours"));
        String method = METHODS.get(call.kind());
        Hash subjectId = call.kind().equals(RecordCalls.REQUEST) || call.kind().equals(RecordCalls.EMERGENCY)
                ? txId : Hash.fromHex(call.relatedId());
        return ledger.proofOf(txId, ProofSubjects.consent(method, subjectId))
                .map(b -> ProofDownload.of("careledger-proof-" + method + "-" + txId.shortHex() + ".json", b.toJson()));
    }
}
