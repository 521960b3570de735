package org.careledger.contracts;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.careledger.crypto.Address;
import org.careledger.ledger.Hash;

/**
 * The consent rule, in one place for the portal, the contracts and their tests: someone other than
 * the patient may read a category of the patient's record at a time only through a grant to them
 * that covers the category and is in force then (started, not ended, not revoked), or else through
 * an emergency access of theirs in force then (it covers every category). Among several, a grant is
 * preferred to an emergency, then the one that lasts longest, then the lowest id, so every reader
 * of the same state names the same basis. The audit contract applies the same test to each recorded
 * read, and the prescriptions contract to a doctor who prescribes (over the running transaction's
 * state, hence the {@link StateView} forms).
 *
 * <p>A pharmacist reads one thing only, a prescription, under {@link #prescriptionBasis}: no grant is
 * involved, the patient showing the prescription is the consent.
 *
 * <p>A portal may know of revocations not yet in a block: it passes their grant ids as
 * {@code revoking}, and those grants count as already ended.
 */
public final class AccessRule {

    private static final Comparator<AccessBasis> PREFERRED = Comparator.comparingLong(AccessBasis::endMillis).reversed()
            .thenComparing(AccessBasis::id);

    private AccessRule() {
    }

    /** What lets {@code reader} see {@code category} of {@code patient}'s record at {@code atMillis}, if anything. */
    public static Optional<AccessBasis> basis(ContractState state, Address patient, Address reader, RecordCategory category,
                                              long atMillis, Set<Hash> revoking) {
        return basis(state.view(), patient, reader, category, atMillis, revoking);
    }

    /** As above, over any view of the state: a running transaction's, its own writes included. */
    public static Optional<AccessBasis> basis(StateView state, Address patient, Address reader, RecordCategory category,
                                              long atMillis, Set<Hash> revoking) {
        return Optional.ofNullable(bases(state, patient, reader, atMillis, revoking).get(category));
    }

    /** For each category {@code reader} may see of {@code patient}'s record at {@code atMillis}, what allows it. */
    public static Map<RecordCategory, AccessBasis> bases(ContractState state, Address patient, Address reader, long atMillis,
                                                         Set<Hash> revoking) {
        return bases(state.view(), patient, reader, atMillis, revoking);
    }

    /** As above, over any view of the state: a running transaction's, its own writes included. */
    public static Map<RecordCategory, AccessBasis> bases(StateView state, Address patient, Address reader, long atMillis,
                                                         Set<Hash> revoking) {
        List<AccessBasis> grants = ConsentQueries.grantsOf(state, patient).stream()
                .filter(g -> g.doctor().equals(reader) && g.activeAt(atMillis) && !revoking.contains(g.id()))
                .map(AccessBasis::of).sorted(PREFERRED).toList();
        Optional<AccessBasis> emergency = ConsentQueries.emergenciesOf(state, patient).stream()
                .filter(e -> e.allows(reader, atMillis)).map(AccessBasis::of).min(PREFERRED);
        Map<RecordCategory, AccessBasis> out = new EnumMap<>(RecordCategory.class);
        for (RecordCategory category : RecordCategory.values()) {
            grants.stream().filter(g -> g.categories().contains(category)).findFirst()
                    .or(() -> emergency)
                    .ifPresent(b -> out.put(category, b));
        }
        return out;
    }

    /**
     * Whether prescription {@code prescriptionId} lets {@code reader} see {@code category} of
     * {@code patient}'s record at {@code atMillis}: only a registered pharmacist affiliated with a
     * pharmacy, only MEDICATION, only a prescription of this patient not cancelled by then. The
     * portal shows the content only to a pharmacist who also presents the patient's QR secret,
     * checked off chain against the prescription's {@code secretHash}; the chain cannot check it
     * without publishing it, so this rule is what the audit records a read under.
     */
    public static Optional<AccessBasis> prescriptionBasis(StateView state, Address patient, Address reader, RecordCategory category,
                                                          Hash prescriptionId, long atMillis) {
        if (category != RecordCategory.MEDICATION || Registry.pharmacyOf(state, reader).isEmpty()) {
            return Optional.empty();
        }
        return PrescriptionStore.find(state, prescriptionId)
                .filter(p -> p.patient().equals(patient) && !p.cancelledBy(atMillis))
                .map(AccessBasis::of);
    }
}
