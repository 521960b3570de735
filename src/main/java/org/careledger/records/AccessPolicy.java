package org.careledger.records;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.careledger.contracts.AccessBasis;
import org.careledger.contracts.ConsentQueries;
import org.careledger.contracts.ContractState;
import org.careledger.contracts.Emergency;
import org.careledger.contracts.Grant;
import org.careledger.contracts.RecordCategory;
import org.careledger.crypto.Address;
import org.careledger.node.LedgerService;
import org.springframework.stereotype.Component;

/**
 * The one place that decides whether someone other than the patient may see a category of the
 * patient's record now: an active grant covering it whose revocation is not already on its way to
 * the ledger, or else an active emergency access. Read from the home node's committed state, plus
 * the revocations the portal has accepted but the ledger has not mined yet.
 */
@Component
class AccessPolicy {

    private final LedgerOutbox outbox;
    private final LedgerService ledger;
    private final java.time.Clock clock;

    AccessPolicy(LedgerOutbox outbox, LedgerService ledger, java.time.Clock clock) {
        this.outbox = outbox;
        this.ledger = ledger;
        this.clock = clock;
    }

    /**
     * The revocations still in flight for one patient, the committed state and the time, read in that
     * order: a revocation committed after the first read is in the state, and no block in the state
     * is later than the time.
     */
    record Snapshot(Address patient, Set<String> revoking, ContractState state, long nowMillis) {
    }

    Snapshot snapshot(Address patient) {
        Set<String> revoking = outbox.revocationsInFlight(patient);
        ContractState state = ledger.committedState();
        return new Snapshot(patient, revoking, state, clock.millis());
    }

    /** For each category the reader may see now, the grant or emergency that allows it. */
    Map<RecordCategory, AccessBasis> bases(Snapshot snapshot, Address reader) {
        long nowMillis = snapshot.nowMillis();
        Set<String> revoking = snapshot.revoking();
        ContractState state = snapshot.state();
        Address patient = snapshot.patient();
        Comparator<AccessBasis> longestFirst = Comparator.comparingLong(AccessBasis::endMillis).reversed().thenComparing(AccessBasis::id);
        Map<RecordCategory, AccessBasis> out = new EnumMap<>(RecordCategory.class);
        for (RecordCategory category : RecordCategory.values()) {
            Optional<AccessBasis> grant = ConsentQueries.grantsOf(state, patient).stream()
                    .filter(g -> g.allows(reader, category, nowMillis) && !revoking.contains(g.id().hex()))
                    .map(AccessPolicy::basisOf).sorted(longestFirst).findFirst();
            Optional<AccessBasis> basis = grant.isPresent() ? grant : ConsentQueries.emergenciesOf(state, patient).stream()
                    .filter(e -> e.allows(reader, nowMillis)).map(AccessPolicy::basisOf).sorted(longestFirst).findFirst();
            basis.ifPresent(b -> out.put(category, b));
        }
        return out;
    }

    /** The basis for one category, or a {@link ConsentRequiredException} that says what is missing. */
    AccessBasis require(Snapshot snapshot, Address reader, RecordCategory category) {
        AccessBasis basis = bases(snapshot, reader).get(category);
        if (basis == null) {
            throw new ConsentRequiredException("You have no active consent to see the " + RecordLabels.category(category)
                    + " entries of this patient");
        }
        return basis;
    }

    private static AccessBasis basisOf(Grant g) {
        long end = g.revokedAt().isPresent() ? Math.min(g.endMillis(), g.revokedAt().getAsLong()) : g.endMillis();
        return new AccessBasis(AccessBasis.Kind.GRANT, g.id(), Optional.of(g.purpose()), g.categories(), end);
    }

    private static AccessBasis basisOf(Emergency e) {
        return new AccessBasis(AccessBasis.Kind.EMERGENCY, e.id(), Optional.empty(), Set.of(RecordCategory.values()), e.endMillis());
    }
}
