package org.careledger.contracts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.careledger.crypto.Address;
import org.careledger.ledger.Hash;

/**
 * Read-only queries over a committed state for the portal: the lists of a patient's requests,
 * grants, emergency accesses, anchors and access events (who may read what now is {@link AccessRule}). Each list is one prefix
 * scan, in key order (requests, grants and emergencies by id; anchors by entry, then version;
 * access events by time).
 */
public final class ConsentQueries {

    private ConsentQueries() {
    }

    /** The grant or emergency access of {@code patient} with this id, whatever its state. */
    public static Optional<AccessBasis> basis(StateView state, Address patient, Hash id) {
        Optional<AccessBasis> grant = state.get(Keys.grant(patient, id)).map(Grant::decode).map(AccessBasis::of);
        return grant.isPresent() ? grant : state.get(Keys.emergency(patient, id)).map(Emergency::decode).map(AccessBasis::of);
    }

    /**
     * The patient a consent id (a request's, its grant's, or an emergency access's) belongs to, as the
     * contract itself looks it up; empty for an id the consent contract never saw.
     */
    public static Optional<Address> patientOf(ContractState state, Hash id) {
        return state.read(Keys.owner(id)).map(Address::fromBytes);
    }

    /** A request and where it stands as of the time asked about. */
    public record RequestView(ConsentRequest request, RequestStatus status) {
    }

    /** The patient's requests with their status as of {@code atMillis} (a grant revoked or ended by then shows so). */
    public static List<RequestView> requestsOf(ContractState state, Address patient, long atMillis) {
        List<RequestView> out = new ArrayList<>();
        for (ConsentRequest r : scan(state, Keys.requests(patient), ConsentRequest::decode)) {
            out.add(new RequestView(r, statusAt(state, r, atMillis)));
        }
        return out;
    }

    private static RequestStatus statusAt(ContractState state, ConsentRequest r, long atMillis) {
        if (r.decision() != RequestStatus.GRANTED) {
            return r.decision();
        }
        Grant g = state.read(Keys.grant(r.patient(), r.id())).map(Grant::decode).orElseThrow();
        if (g.revokedAt().isPresent() && atMillis >= g.revokedAt().getAsLong()) {
            return RequestStatus.REVOKED;
        }
        return atMillis >= g.endMillis() ? RequestStatus.EXPIRED : RequestStatus.GRANTED;
    }

    public static Optional<ConsentRequest> request(ContractState state, Address patient, Hash id) {
        return state.read(Keys.request(patient, id)).map(ConsentRequest::decode);
    }

    public static List<Grant> grantsOf(ContractState state, Address patient) {
        return grantsOf(state.view(), patient);
    }

    /** The patient's grants in any view of the state, a running transaction's included. */
    static List<Grant> grantsOf(StateView state, Address patient) {
        return scan(state, Keys.grants(patient), Grant::decode);
    }

    public static List<Emergency> emergenciesOf(ContractState state, Address patient) {
        return emergenciesOf(state.view(), patient);
    }

    /** The patient's emergency accesses in any view of the state, a running transaction's included. */
    static List<Emergency> emergenciesOf(StateView state, Address patient) {
        return scan(state, Keys.emergencies(patient), Emergency::decode);
    }

    /** Emergency accesses no admin has reviewed yet, across all patients, by id. */
    public static List<Emergency> pendingEmergencyReviews(ContractState state) {
        List<Emergency> out = new ArrayList<>();
        state.readPrefix(Keys.REVIEWS).forEach((key, patient) -> {
            Hash id = Hash.fromHex(key.substring(Keys.REVIEWS.length()));
            state.read(Keys.emergency(Address.fromBytes(patient), id)).map(Emergency::decode).ifPresent(out::add);
        });
        return out;
    }

    /** Every anchored version of the patient's entries, by entry id, then version. */
    public static List<Anchor> anchorsOf(ContractState state, Address patient) {
        return scan(state, Keys.anchors(patient), Anchor::decode);
    }

    /** The access events on the patient's records, oldest first. */
    public static List<AccessEvent> accessEventsOf(ContractState state, Address patient) {
        return scan(state, Keys.accessEvents(patient), AccessEvent::decode);
    }

    private static <T> List<T> scan(ContractState state, String prefix, Function<byte[], T> decode) {
        return scan(state.view(), prefix, decode);
    }

    private static <T> List<T> scan(StateView state, String prefix, Function<byte[], T> decode) {
        List<T> out = new ArrayList<>();
        state.scan(prefix).values().forEach(v -> out.add(decode.apply(v)));
        return out;
    }
}
