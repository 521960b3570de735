package org.careledger.contracts;

import org.careledger.crypto.Address;
import org.careledger.ledger.Arg;
import org.careledger.ledger.ContractCall;
import org.careledger.ledger.Hash;

/**
 * The "audit" contract: a reader records each access to a patient's entry with their own signed
 * transaction, naming the grant or emergency access that allows it. Only allowed accesses are
 * recorded: the basis must belong to this patient and this reader, cover the category and be in
 * force at the block's time. Calls carry no fee.
 */
public final class Audit extends FeeFreeContract {

    public static final String NAME = "audit";

    public Audit() {
        super(NAME);
    }

    @Override
    public void execute(CallContext context, ContractCall call) {
        if (!"access".equals(call.method())) {
            throw Args.reject("audit.method", "audit has no method " + call.method());
        }
        Args args = Args.of(NAME, call, 4, "(address patient, text-or-digest entryId, text category, digest basisId)");
        Address patient = args.address(0);
        String entryId = args.entryId(1);
        RecordCategory category = args.category(2);
        Hash basisId = args.digest(3);
        Address reader = context.sender();
        long now = context.block().timestamp();
        StateView state = context.state();
        Grant grant = state.get(Keys.grant(patient, basisId)).map(Grant::decode).orElse(null);
        Emergency emergency = grant != null ? null : state.get(Keys.emergency(patient, basisId)).map(Emergency::decode).orElse(null);
        if (grant == null && emergency == null) {
            throw Args.reject("audit.unknownBasis", "patient " + patient + " has no grant or emergency access " + basisId);
        }
        AccessBasis.Kind kind = grant != null ? AccessBasis.Kind.GRANT : AccessBasis.Kind.EMERGENCY;
        boolean allowed = grant != null ? grant.allows(reader, category, now) : emergency.allows(reader, now);
        if (!allowed) {
            throw Args.reject("audit.notAllowed", kind + " " + basisId.shortHex() + " does not allow " + reader
                    + " to read " + category + " of " + patient + " at " + now);
        }
        Hash txId = context.transaction().id();
        AccessEvent event = new AccessEvent(txId, reader, patient, entryId, category, now, kind, basisId);
        state.put(Keys.accessEvent(patient, now, txId), event.encode());
    }

    /** Records the sender's access to {@code entryId} of {@code patient}, allowed by grant or emergency {@code basisId}. */
    public static ContractCall access(Address patient, String entryId, RecordCategory category, Hash basisId) {
        return ContractCall.of(NAME, "access", Arg.of(patient), Arg.of(entryId), Arg.of(category.name()), Arg.of(basisId));
    }

    /** As {@link #access(Address, String, RecordCategory, Hash)}, the entry named by a digest. */
    public static ContractCall access(Address patient, Hash entryId, RecordCategory category, Hash basisId) {
        return ContractCall.of(NAME, "access", Arg.of(patient), Arg.of(entryId), Arg.of(category.name()), Arg.of(basisId));
    }
}
