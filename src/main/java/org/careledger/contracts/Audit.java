package org.careledger.contracts;

import org.careledger.crypto.Address;
import org.careledger.ledger.Arg;
import org.careledger.ledger.ContractCall;
import org.careledger.ledger.Hash;

/**
 * The "audit" contract: a reader records each access to a patient's entry with their own signed
 * transaction, naming the grant or emergency access that allowed it and the time of the read. Only
 * allowed accesses are recorded: the basis must belong to this patient and this reader, cover the
 * category and be in force at the time of the read. The read time is the reader's own statement
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
        StateView state = context.state();
        Grant grant = state.get(Keys.grant(patient, basisId)).map(Grant::decode).orElse(null);
        Emergency emergency = grant != null ? null : state.get(Keys.emergency(patient, basisId)).map(Emergency::decode).orElse(null);
        if (grant == null && emergency == null) {
            throw Args.reject("audit.unknownBasis", "patient " + patient + " has no grant or emergency access " + basisId);
        }
        AccessBasis.Kind kind = grant != null ? AccessBasis.Kind.GRANT : AccessBasis.Kind.EMERGENCY;
        boolean allowed = grant != null ? grant.allows(reader, category, readAt) : emergency.allows(reader, readAt);
        if (!allowed) {
            throw Args.reject("audit.notAllowed", kind + " " + basisId.shortHex() + " does not allow " + reader
                    + " to read " + category + " of " + patient + " at " + readAt);
        }
        Hash txId = context.transaction().id();
        AccessEvent event = new AccessEvent(txId, reader, patient, entryId, category, readAt, blockTime, kind, basisId);
        state.put(Keys.accessEvent(patient, readAt, txId), event.encode());
    }

    /**
     * Records the sender's read of {@code entryId} of {@code patient} at {@code readAtMillis}, allowed by
     * grant or emergency {@code basisId}.
     */
    public static ContractCall access(Address patient, String entryId, RecordCategory category, Hash basisId, long readAtMillis) {
        return ContractCall.of(NAME, "access", Arg.of(patient), Arg.of(entryId), Arg.of(category.name()), Arg.of(basisId),
                Arg.of(readAtMillis));
    }
}
