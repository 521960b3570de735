package org.careledger.contracts;

import java.util.regex.Pattern;

import org.careledger.crypto.Address;
import org.careledger.ledger.Arg;
import org.careledger.ledger.ContractCall;
import org.careledger.ledger.Hash;
import org.careledger.ledger.TransactionRejectedException;

/**
 * Typed access to a call's arguments and the shared checks of the consent, records and audit
 * contracts; every refusal names a rule under the contract's name, such as {@code consent.arguments}.
 */
final class Args {

    /** An entry id: 1 to 64 bytes of letters, digits, '.', '_', ':' and '-' (no '/', it separates keys). */
    private static final Pattern ENTRY_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final String contract;
    private final ContractCall call;
    private final String signature;

    private Args(String contract, ContractCall call, String signature) {
        this.contract = contract;
        this.call = call;
        this.signature = signature;
    }

    /** The arguments of {@code call}, which must number {@code count}; {@code signature} explains them. */
    static Args of(String contract, ContractCall call, int count, String signature) {
        Args args = new Args(contract, call, signature);
        if (call.args().size() != count) {
            throw args.wrong();
        }
        return args;
    }

    Address address(int i) {
        if (call.args().get(i) instanceof Arg.Addr a) {
            return a.value();
        }
        throw wrong();
    }

    Hash digest(int i) {
        if (call.args().get(i) instanceof Arg.Digest d) {
            return d.value();
        }
        throw wrong();
    }

    long u64(int i) {
        if (call.args().get(i) instanceof Arg.U64 u) {
            return u.value();
        }
        throw wrong();
    }

    String text(int i) {
        if (call.args().get(i) instanceof Arg.Text t) {
            return t.value();
        }
        throw wrong();
    }

    boolean flag(int i) {
        if (call.args().get(i) instanceof Arg.Flag f) {
            return f.value();
        }
        throw wrong();
    }

    /** An entry id given as text (see {@link #ENTRY_ID}) or as a digest (then its lower-case hex). */
    String entryId(int i) {
        Arg arg = call.args().get(i);
        if (arg instanceof Arg.Digest d) {
            return d.value().hex();
        }
        if (arg instanceof Arg.Text t && ENTRY_ID.matcher(t.value()).matches()) {
            return t.value();
        }
        throw reject(contract + ".entryId", "an entry id is a digest or 1 to 64 of letters, digits, '.', '_', ':' and '-'");
    }

    /** A category set as a u64 bit set: not empty, and no bit that stands for no category. */
    long categoryBits(int i) {
        long bits = u64(i);
        if (bits == 0 || (bits & ~RecordCategory.ALL_BITS) != 0) {
            throw reject(contract + ".categories", "a category set is a non-empty bit set of RecordCategory ordinals");
        }
        return bits;
    }

    /** One category, as its name. */
    RecordCategory category(int i) {
        String name = text(i);
        for (RecordCategory c : RecordCategory.values()) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        throw reject(contract + ".category", "unknown category " + name);
    }

    private TransactionRejectedException wrong() {
        return reject(contract + ".arguments", call.method() + " takes " + signature);
    }

    static TransactionRejectedException reject(String rule, String message) {
        return new TransactionRejectedException(rule, message);
    }

    /** Refuses unless {@code account} is registered with {@code role}. */
    static void requireRole(StateView state, Address account, String role, String rule) {
        if (!Registry.roleOf(state, account).filter(role::equals).isPresent()) {
            throw reject(rule, account + " is not a registered " + role.toLowerCase(java.util.Locale.ROOT));
        }
    }
}
