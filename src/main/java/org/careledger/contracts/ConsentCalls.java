package org.careledger.contracts;

import java.util.Collection;

import org.careledger.crypto.Address;
import org.careledger.ledger.Arg;
import org.careledger.ledger.ContractCall;
import org.careledger.ledger.Hash;

/**
 * Builds the calls of the {@link Consent} contract for the portal. Categories travel as a u64 bit
 * set ({@link RecordCategory#toBits}); an absent note, reason or comment is {@code null} here and
 * {@link Hash#ZERO} on the wire. A request's id (and its grant's) is the id of the transaction that
 * carries the request; an emergency's id is that of the transaction that declares it.
 */
public final class ConsentCalls {

    private ConsentCalls() {
    }

    /** A doctor asks {@code patient} for access; {@code noteHash} is the salted hash of a note, or null. */
    public static ContractCall request(Address patient, Purpose purpose, Collection<RecordCategory> categories,
                                       long durationMillis, Hash noteHash) {
        return ContractCall.of(Consent.NAME, "request", Arg.of(patient), Arg.of(purpose.name()),
                Arg.of(RecordCategory.toBits(categories)), Arg.of(durationMillis), Arg.of(orZero(noteHash)));
    }

    /** The patient grants a pending request, over a subset of its categories, for at most its duration. */
    public static ContractCall grant(Hash requestId, Collection<RecordCategory> categories, long durationMillis) {
        return ContractCall.of(Consent.NAME, "grant", Arg.of(requestId), Arg.of(RecordCategory.toBits(categories)),
                Arg.of(durationMillis));
    }

    /** The patient denies a pending request; {@code reasonHash} is the salted hash of a reason, or null. */
    public static ContractCall deny(Hash requestId, Hash reasonHash) {
        return ContractCall.of(Consent.NAME, "deny", Arg.of(requestId), Arg.of(orZero(reasonHash)));
    }

    /** The patient revokes a grant (whose id is its request's id), effective from the block it is in. */
    public static ContractCall revoke(Hash grantId) {
        return ContractCall.of(Consent.NAME, "revoke", Arg.of(grantId));
    }

    /** A doctor declares a break-glass access to {@code patient}; the reason's salted hash is required. */
    public static ContractCall emergency(Address patient, Hash reasonHash) {
        return ContractCall.of(Consent.NAME, "emergency", Arg.of(patient), Arg.of(orZero(reasonHash)));
    }

    /** An admin reviews an emergency access; {@code commentHash} is the salted hash of a comment, or null. */
    public static ContractCall reviewEmergency(Hash emergencyId, boolean justified, Hash commentHash) {
        return ContractCall.of(Consent.NAME, "reviewEmergency", Arg.of(emergencyId), Arg.of(justified), Arg.of(orZero(commentHash)));
    }

    private static Hash orZero(Hash hash) {
        return hash == null ? Hash.ZERO : hash;
    }
}
