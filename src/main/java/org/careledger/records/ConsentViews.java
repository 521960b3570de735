package org.careledger.records;

import java.time.Instant;
import java.util.Optional;

import org.careledger.contracts.Emergency;
import org.careledger.contracts.Grant;
import org.careledger.identity.UserId;
import org.careledger.ledger.Hash;
import org.careledger.outbox.OutboxReceipts;
import org.careledger.outbox.LedgerReceipt;
import org.springframework.stereotype.Component;

/** Builds what the consent views show from the chain's grants and emergencies and the outbox's calls in flight. */
@Component
class ConsentViews {

    private final OutboxReceipts outbox;
    private final RecordVault vault;
    private final Parties parties;

    ConsentViews(OutboxReceipts outbox, RecordVault vault, Parties parties) {
        this.outbox = outbox;
        this.vault = vault;
        this.parties = parties;
    }

    GrantView grant(Grant g, Party patient, Party doctor, long now) {
        LedgerReceipt revocation = outbox.latest(RecordCalls.REVOKE, g.id().hex()).orElse(null);
        boolean revoking = revocation != null && revocation.status() != LedgerReceipt.Status.REFUSED;
        long end = g.revokedAt().isPresent() ? Math.min(g.endMillis(), g.revokedAt().getAsLong()) : g.endMillis();
        return new GrantView(new GrantId(g.id()), patient, doctor, g.purpose(), g.categories(), Instant.ofEpochMilli(g.startMillis()),
                Instant.ofEpochMilli(end), g.activeAt(now) && !revoking, revocation);
    }

    EmergencyView emergency(Emergency e, UserId patient) {
        String reason = vault.openText(patient, e.reasonHash().hex()).orElse("(the reason is not held by this portal)");
        Boolean justified = e.review().map(Emergency.Review::justified).orElse(null);
        Party reviewer = e.review().map(r -> parties.of(r.reviewer())).orElse(null);
        String comment = e.review().flatMap(Emergency.Review::commentHash).flatMap(h -> vault.openText(patient, h.hex())).orElse(null);
        return new EmergencyView(new EmergencyId(e.id()), parties.of(e.patient()), parties.of(e.doctor()), reason,
                Instant.ofEpochMilli(e.startMillis()), Instant.ofEpochMilli(e.endMillis()), e.reviewPending(), justified, reviewer, comment);
    }

    /** Where the patient's decision on a request stands, if they decided (a refused one counts as none). */
    Optional<LedgerReceipt> decision(Hash requestId) {
        return outbox.latest(RecordCalls.GRANT, requestId.hex()).or(() -> outbox.latest(RecordCalls.DENY, requestId.hex()));
    }

    /** Whether a decision on the request is already on its way (queued, pending or mined). */
    boolean deciding(Hash requestId) {
        return decision(requestId).filter(r -> r.status() != LedgerReceipt.Status.REFUSED).isPresent();
    }
}
