package org.careledger.contracts;

import java.util.Optional;

import org.careledger.crypto.Address;
import org.careledger.ledger.ContractCall;
import org.careledger.ledger.Hash;

/**
 * The break-glass part of {@link Consent}: a registered doctor declares an emergency access to a
 * registered patient, with the salted hash of a reason; it lasts exactly
 * {@code Genesis.Parameters.emergencyAccessMillis} from the declaring block's time and waits for a
 * registered admin's review, which records whether it was justified and clears the flag.
 */
final class EmergencyAccess {

    private EmergencyAccess() {
    }

    static void declare(CallContext context, ContractCall call) {
        Args args = Args.of(Consent.NAME, call, 2, "(address patient, digest reasonHash)");
        Address patient = args.address(0);
        Hash reason = args.digest(1);
        StateView state = context.state();
        Args.requireRole(state, context.sender(), "DOCTOR", "consent.notDoctor");
        Args.requireRole(state, patient, "PATIENT", "consent.unknownPatient");
        if (reason.equals(Hash.ZERO)) {
            throw Args.reject("consent.reasonRequired", "an emergency access needs the salted hash of its reason");
        }
        long now = context.block().timestamp();
        long lasts = context.block().parameters().emergencyAccessMillis();
        if (lasts <= 0 || now > Long.MAX_VALUE - lasts) {
            throw Args.reject("consent.duration", "the emergency access time " + lasts + " ms cannot be applied");
        }
        Hash id = context.transaction().id();
        Emergency emergency = new Emergency(id, patient, context.sender(), reason, now, now + lasts, Optional.empty());
        state.put(Keys.emergency(patient, id), emergency.encode());
        state.put(Keys.owner(id), patient.bytes());
        state.put(Keys.review(id), patient.bytes());
    }

    static void review(CallContext context, ContractCall call) {
        Args args = Args.of(Consent.NAME, call, 3, "(digest emergencyId, flag justified, digest commentHash or zero)");
        Hash id = args.digest(0);
        StateView state = context.state();
        Args.requireRole(state, context.sender(), "ADMIN", "consent.notAdmin");
        Address patient = Consent.ownerOf(state, id, "consent.unknownEmergency");
        Emergency emergency = state.get(Keys.emergency(patient, id)).map(Emergency::decode)
                .orElseThrow(() -> Args.reject("consent.unknownEmergency", "there is no emergency access " + id));
        if (!emergency.reviewPending()) {
            throw Args.reject("consent.alreadyReviewed", "emergency access " + id.shortHex() + " was already reviewed");
        }
        Emergency.Review review = new Emergency.Review(context.sender(), args.flag(1), Codec.noneIfZero(args.digest(2)),
                context.block().timestamp());
        state.put(Keys.emergency(patient, id), emergency.reviewed(review).encode());
        state.delete(Keys.review(id));
    }
}
