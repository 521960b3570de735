package org.careledger.contracts;

import org.careledger.crypto.Address;
import org.careledger.ledger.Arg;
import org.careledger.ledger.ContractCall;
import org.careledger.ledger.Hash;

/**
 * The "audit" contract: a reader records each access to a patient's entry with their own signed
 * transaction, naming the grant, emergency access or prescription that allowed it and the time of
 * the read. Only allowed accesses are recorded: the basis must belong to this patient and this
 * reader, cover the category and be in force at the time of the read; a prescription allows a
 * pharmacist of a pharmacy to read MEDICATION until it is cancelled ({@link AccessRule#prescriptionBasis}).
 * The portal shows a prescription's content to a pharmacist only once they also present the secret
 * of the patient's QR, checked off chain against the prescription's secret hash: the chain records
 * the read, the secret stays off it until a fill consumes it. The read time is the reader's own statement
 * (the portal queues the event durably before it shows the data, so it may be mined later, even
 * after the grant has ended); it may not lie more than {@link #MAX_READ_AHEAD_MILLIS} after the
 * recording block's time. Both times are kept. Calls carry no fee.
 */
public final class Audit extends FeeFreeContract {

    public static final String NAME = "audit";

    /** How far after the recording block's time a read may be dated (clocks of the portal and the sealer differ). */
    public static final long MAX_READ_AHEAD_MILLIS = 24L * 3_600_000;

    public Audit() {
        super(NAME);
    }

    @Override
    public void execute(CallContext context, ContractCall call) {
        if (!"access".equals(call.method())) {
            throw Args.reject("audit.method", "audit has no method " + call.method());
        }
        Args args = Args.of(NAME, call, 5,
                "(address patient, text-or-digest entryId, text category, digest basisId, u64 readAtMillis)");
        Address patient = args.address(0);
        String entryId = args.entryId(1);
        RecordCategory category = args.category(2);
        Hash basisId = args.digest(3);
        long readAt = args.u64(4);
        Address reader = context.sender();
        long blockTime = context.block().timestamp();
        if (readAt > blockTime + MAX_READ_AHEAD_MILLIS) {
            throw Args.reject("audit.readInFuture", "a read at " + readAt + " lies more than a day after the block's time " + blockTime);
        }
        AccessBasis.Kind kind = allowedKind(context.state(), patient, reader, category, basisId, readAt);
        Hash txId = context.transaction().id();
        AccessEvent event = new AccessEvent(txId, reader, patient, entryId, category, readAt, blockTime, kind, basisId);
        context.state().put(Keys.accessEvent(patient, readAt, txId), event.encode());
    }

    /** The kind of basis {@code basisId} is, if it allows this read; else the refusal. */
    private static AccessBasis.Kind allowedKind(StateView state, Address patient, Address reader, RecordCategory category,
                                                Hash basisId, long readAt) {
        Grant grant = state.get(Keys.grant(patient, basisId)).map(Grant::decode).orElse(null);
        Emergency emergency = grant != null ? null : state.get(Keys.emergency(patient, basisId)).map(Emergency::decode).orElse(null);
        AccessBasis.Kind kind;
        boolean allowed;
        if (grant != null) {
            kind = AccessBasis.Kind.GRANT;
            allowed = grant.allows(reader, category, readAt);
        } else if (emergency != null) {
            kind = AccessBasis.Kind.EMERGENCY;
            allowed = emergency.allows(reader, readAt);
        } else if (PrescriptionStore.find(state, basisId).filter(p -> p.patient().equals(patient)).isPresent()) {
            kind = AccessBasis.Kind.PRESCRIPTION;
            allowed = AccessRule.prescriptionBasis(state, patient, reader, category, basisId, readAt).isPresent();
        } else {
            throw Args.reject("audit.unknownBasis", "patient " + patient + " has no grant, emergency access or prescription " + basisId);
        }
        if (!allowed) {
            throw Args.reject("audit.notAllowed", kind + " " + basisId.shortHex() + " does not allow " + reader
                    + " to read " + category + " of " + patient + " at " + readAt);
        }
        return kind;
    }

    /**
     * Records the sender's read of {@code entryId} of {@code patient} at {@code readAtMillis}, allowed by
     * grant, emergency access or prescription {@code basisId}.
     */
    public static ContractCall access(Address patient, String entryId, RecordCategory category, Hash basisId, long readAtMillis) {
        return ContractCall.of(NAME, "access", Arg.of(patient), Arg.of(entryId), Arg.of(category.name()), Arg.of(basisId),
                Arg.of(readAtMillis));
    }
}
