package org.careledger.contracts;

import org.careledger.crypto.Address;
import org.careledger.ledger.Arg;
import org.careledger.ledger.ContractCall;
import org.careledger.ledger.Hash;

/**
 * The "records" contract: a patient anchors the salted hash of each version of a record entry, so
 * that the off-chain content can later be shown to be unchanged. Only the patient signs for their
 * own records; versions start at 1 and must increase per entry, so an (entry, version) is anchored
 * once. Calls carry no fee.
 */
public final class Anchors extends FeeFreeContract {

    public static final String NAME = "records";

    public Anchors() {
        super(NAME);
    }

    @Override
    public void execute(CallContext context, ContractCall call) {
        if (!"anchor".equals(call.method())) {
            throw Args.reject("records.method", "records has no method " + call.method());
        }
        Args args = Args.of(NAME, call, 5,
                "(address patient, text-or-digest entryId, u64 version, text category, digest saltedHash)");
        Address patient = args.address(0);
        String entryId = args.entryId(1);
        long version = args.u64(2);
        RecordCategory category = args.category(3);
        Hash saltedHash = args.digest(4);
        StateView state = context.state();
        if (!context.sender().equals(patient)) {
            throw Args.reject("records.notPatient", "only the patient " + patient + " anchors their records");
        }
        Args.requireRole(state, patient, "PATIENT", "records.unknownPatient");
        if (saltedHash.equals(Hash.ZERO)) {
            throw Args.reject("records.hash", "the salted hash must not be zero");
        }
        long latest = state.getLong(Keys.latestVersion(patient, entryId));
        if (version == latest && latest != 0) {
            throw Args.reject("records.duplicate", "version " + version + " of " + entryId + " is already anchored");
        }
        if (version <= latest || version < 1) {
            throw Args.reject("records.version", "the next version of " + entryId + " must be above " + latest);
        }
        Anchor anchor = new Anchor(patient, entryId, version, category, saltedHash, context.block().timestamp(),
                context.transaction().id());
        state.put(Keys.anchor(patient, entryId, version), anchor.encode());
        state.putLong(Keys.latestVersion(patient, entryId), version);
    }

    /** Anchors version {@code version} of the entry {@code entryId} (see {@link Args} for its form). */
    public static ContractCall anchor(Address patient, String entryId, long version, RecordCategory category, Hash saltedHash) {
        return ContractCall.of(NAME, "anchor", Arg.of(patient), Arg.of(entryId), Arg.of(version), Arg.of(category.name()),
                Arg.of(saltedHash));
    }

    /** As {@link #anchor(Address, String, long, RecordCategory, Hash)}, the entry named by a digest. */
    public static ContractCall anchor(Address patient, Hash entryId, long version, RecordCategory category, Hash saltedHash) {
        return ContractCall.of(NAME, "anchor", Arg.of(patient), Arg.of(entryId), Arg.of(version), Arg.of(category.name()),
                Arg.of(saltedHash));
    }
}
