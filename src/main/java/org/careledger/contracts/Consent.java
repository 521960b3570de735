package org.careledger.contracts;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import org.careledger.crypto.Address;
import org.careledger.ledger.ContractCall;
import org.careledger.ledger.Hash;

/**
 * Consent to read a patient's records. A registered doctor requests access for a purpose, over a
 * set of categories, for a duration; the patient alone grants it (possibly narrower and shorter),
 * denies it, or later revokes the grant, effective from the revoking block's time. Grants run from
 * the granting block's time for the granted duration. A doctor may also declare a break-glass
 * emergency access (see {@link EmergencyAccess}). No free text is stored: notes and reasons are
 * salted hashes. Calls carry no fee. Build calls with {@link ConsentCalls}; read with
 * {@link ConsentQueries}.
 */
public final class Consent extends FeeFreeContract {

    public static final String NAME = "consent";

    public Consent() {
        super(NAME);
    }

    @Override
    public void execute(CallContext context, ContractCall call) {
        switch (call.method()) {
            case "request" -> request(context, call);
            case "grant" -> grant(context, call);
            case "deny" -> deny(context, call);
            case "revoke" -> revoke(context, call);
            case "emergency" -> EmergencyAccess.declare(context, call);
            case "reviewEmergency" -> EmergencyAccess.review(context, call);
            default -> throw Args.reject("consent.method", "consent has no method " + call.method());
        }
    }

    private static void request(CallContext context, ContractCall call) {
        Args args = Args.of(NAME, call, 5,
                "(address patient, text purpose, u64 categoryBits, u64 durationMillis, digest noteHash or zero)");
        Address patient = args.address(0);
        Purpose purpose = Purpose.named(args.text(1));
        long bits = args.categoryBits(2);
        long duration = args.u64(3);
        Optional<Hash> note = Codec.noneIfZero(args.digest(4));
        StateView state = context.state();
        Args.requireRole(state, context.sender(), "DOCTOR", "consent.notDoctor");
        Args.requireRole(state, patient, "PATIENT", "consent.unknownPatient");
        if (purpose == null) {
            throw Args.reject("consent.purpose", "unknown purpose " + args.text(1));
        }
        checkDuration(duration, context.block().timestamp());
        Hash id = context.transaction().id();
        ConsentRequest request = new ConsentRequest(id, patient, context.sender(), purpose, RecordCategory.fromBits(bits),
                duration, note, context.block().timestamp(), RequestStatus.PENDING, OptionalLong.empty(), Optional.empty());
        state.put(Keys.request(patient, id), request.encode());
        state.put(Keys.owner(id), patient.bytes());
    }

    private static void grant(CallContext context, ContractCall call) {
        Args args = Args.of(NAME, call, 3, "(digest requestId, u64 categoryBits, u64 durationMillis)");
        ConsentRequest request = pendingRequestOfSender(context, args.digest(0));
        Set<RecordCategory> categories = RecordCategory.fromBits(args.categoryBits(1));
        long duration = args.u64(2);
        long now = context.block().timestamp();
        if (!request.categories().containsAll(categories)) {
            throw Args.reject("consent.widerThanRequested", "a grant covers at most the requested categories " + request.categories());
        }
        checkDuration(duration, now);
        if (duration > request.durationMillis()) {
            throw Args.reject("consent.widerThanRequested", "a grant lasts at most the requested " + request.durationMillis() + " ms");
        }
        Grant grant = new Grant(request.id(), request.patient(), request.doctor(), request.purpose(), categories,
                now, now + duration, OptionalLong.empty());
        context.state().put(Keys.request(request.patient(), request.id()),
                request.decided(RequestStatus.GRANTED, now, Optional.empty()).encode());
        context.state().put(Keys.grant(request.patient(), grant.id()), grant.encode());
    }

    private static void deny(CallContext context, ContractCall call) {
        Args args = Args.of(NAME, call, 2, "(digest requestId, digest reasonHash or zero)");
        ConsentRequest request = pendingRequestOfSender(context, args.digest(0));
        ConsentRequest denied = request.decided(RequestStatus.DENIED, context.block().timestamp(), Codec.noneIfZero(args.digest(1)));
        context.state().put(Keys.request(request.patient(), request.id()), denied.encode());
    }

    private static void revoke(CallContext context, ContractCall call) {
        Args args = Args.of(NAME, call, 1, "(digest grantId)");
        Hash id = args.digest(0);
        Address patient = ownerOf(context.state(), id, "consent.unknownGrant");
        requirePatient(context, patient);
        Grant grant = context.state().get(Keys.grant(patient, id)).map(Grant::decode)
                .orElseThrow(() -> Args.reject("consent.unknownGrant", "there is no grant " + id));
        long now = context.block().timestamp();
        if (grant.revokedAt().isPresent()) {
            throw Args.reject("consent.alreadyRevoked", "grant " + id.shortHex() + " was already revoked");
        }
        if (now >= grant.endMillis()) {
            throw Args.reject("consent.expired", "grant " + id.shortHex() + " has already expired");
        }
        context.state().put(Keys.grant(patient, id), grant.revoked(now).encode());
    }

    private static ConsentRequest pendingRequestOfSender(CallContext context, Hash requestId) {
        Address patient = ownerOf(context.state(), requestId, "consent.unknownRequest");
        requirePatient(context, patient);
        ConsentRequest request = context.state().get(Keys.request(patient, requestId)).map(ConsentRequest::decode)
                .orElseThrow(() -> Args.reject("consent.unknownRequest", "there is no request " + requestId));
        if (request.decision() != RequestStatus.PENDING) {
            throw Args.reject("consent.notPending", "request " + requestId.shortHex() + " was already " + request.decision());
        }
        return request;
    }

    /** The patient an id (request, grant or emergency) belongs to. */
    static Address ownerOf(StateView state, Hash id, String rule) {
        return state.get(Keys.owner(id)).map(Address::fromBytes)
                .orElseThrow(() -> Args.reject(rule, "there is nothing with id " + id));
    }

    private static void requirePatient(CallContext context, Address patient) {
        if (!context.sender().equals(patient)) {
            throw Args.reject("consent.notPatient", "only the patient " + patient + " decides on their consent");
        }
    }

    private static void checkDuration(long duration, long now) {
        if (duration <= 0 || now > Long.MAX_VALUE - duration) {
            throw Args.reject("consent.duration", "a duration is a positive number of milliseconds");
        }
    }
}
