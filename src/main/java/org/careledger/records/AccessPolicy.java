package org.careledger.records;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.careledger.contracts.AccessBasis;
import org.careledger.contracts.AccessRule;
import org.careledger.contracts.ContractState;
import org.careledger.contracts.RecordCategory;
import org.careledger.crypto.Address;
import org.careledger.ledger.Hash;
import org.careledger.node.LedgerService;
import org.careledger.outbox.LedgerOutbox;
import org.springframework.stereotype.Component;

/**
 * Applies the consent rule ({@link AccessRule}, in the contracts, where the tests check it) to what
 * the portal knows now: the home node's committed state, plus the revocations it has accepted but
 * the ledger has not mined yet, which already count.
 */
@Component
class AccessPolicy {

    private final LedgerOutbox outbox;
    private final LedgerService ledger;
    private final Clock clock;

    AccessPolicy(LedgerOutbox outbox, LedgerService ledger, Clock clock) {
        this.outbox = outbox;
        this.ledger = ledger;
        this.clock = clock;
    }

    /**
     * The revocations still in flight for one patient, the committed state and the time, read in that
     * order: a revocation committed after the first read is in the state, and no block in the state
     * is later than the time.
     */
    record Snapshot(Address patient, Set<Hash> revoking, ContractState state, long nowMillis) {

        /** For each category {@code reader} may see now, the grant or emergency that allows it. */
        Map<RecordCategory, AccessBasis> bases(Address reader) {
            return AccessRule.bases(state, patient, reader, nowMillis, revoking);
        }
    }

    Snapshot snapshot(Address patient) {
        Set<Hash> revoking = outbox.inFlight(RecordCalls.REVOKE, patient.toString()).stream()
                .map(call -> Hash.fromHex(call.relatedId())).collect(Collectors.toSet());
        ContractState state = ledger.committedStateForReading();
        return new Snapshot(patient, revoking, state, clock.millis());
    }

    /**
     * {@link #snapshot} for many patients at once (a doctor's list of patients): one read of the
     * revocations in flight and one committed state for all of them, in the same order.
     */
    Map<Address, Snapshot> snapshots(Collection<Address> patients) {
        Map<String, Set<Hash>> revoking = outbox.inFlight(RecordCalls.REVOKE).stream().collect(Collectors.groupingBy(
                call -> call.subject().toLowerCase(Locale.ROOT),
                Collectors.mapping(call -> Hash.fromHex(call.relatedId()), Collectors.toSet())));
        ContractState state = ledger.committedStateForReading();
        long now = clock.millis();
        Map<Address, Snapshot> out = new LinkedHashMap<>();
        for (Address patient : patients) {
            out.put(patient, new Snapshot(patient, revoking.getOrDefault(patient.toString().toLowerCase(Locale.ROOT), Set.of()), state, now));
        }
        return out;
    }

    /** The basis for one category, or a {@link ConsentRequiredException} that says what is missing. */
    AccessBasis require(Snapshot snapshot, Address reader, RecordCategory category) {
        AccessBasis basis = snapshot.bases(reader).get(category);
        if (basis == null) {
            throw new ConsentRequiredException("You have no active consent to see the " + RecordLabels.category(category)
                    + " entries of this patient");
        }
        return basis;
    }
}
