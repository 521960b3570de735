package org.careledger.contracts;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.careledger.crypto.Address;
import org.careledger.ledger.Arg;
import org.careledger.ledger.ContractCall;
import org.careledger.ledger.Hash;
import org.careledger.ledger.TransactionRejectedException;

/**
 * The one way a contract reads its call's arguments: typed accessors, and the checks several
 * contracts share. Every refusal names a rule under the contract's name: an argument list of the
 * wrong length or an argument of the wrong kind is {@code <contract>.arguments}, with the message
 * "{@code <method> takes <signature>}" so the sender sees what was expected.
 *
 * <pre>{@code
 * Args args = Args.of(NAME, call, 2, "(address to, u64 amount)");
 * Address to = args.address(0);
 * long amount = args.u64(1);
 * }</pre>
 */
public final class Args {

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

    /**
     * The arguments of {@code call} to {@code contract}, which must number {@code count};
     * {@code signature} describes them for the refusal, as in {@code "(address to, u64 amount)"}.
     */
    public static Args of(String contract, ContractCall call, int count, String signature) {
        Args args = new Args(contract, call, signature);
        if (call.args().size() != count) {
            throw args.wrong();
        }
        return args;
    }

    public Address address(int i) {
        return single(i, Arg.Addr.class).value();
    }

    public Hash digest(int i) {
        return single(i, Arg.Digest.class).value();
    }

    public long u64(int i) {
        return single(i, Arg.U64.class).value();
    }

    public String text(int i) {
        return single(i, Arg.Text.class).value();
    }

    public boolean flag(int i) {
        return single(i, Arg.Flag.class).value();
    }

    /** A list of addresses (an immutable list, possibly empty). */
    public List<Address> addresses(int i) {
        return items(i, Arg.Addr.class).stream().map(Arg.Addr::value).toList();
    }

    /** A list of digests (an immutable list, possibly empty). */
    public List<Hash> digests(int i) {
        return items(i, Arg.Digest.class).stream().map(Arg.Digest::value).toList();
    }

    /** A list of u64 values (an immutable list, possibly empty). */
    public List<Long> u64s(int i) {
        return items(i, Arg.U64.class).stream().map(Arg.U64::value).toList();
    }

    /** A list of texts (an immutable list, possibly empty). */
    public List<String> texts(int i) {
        return items(i, Arg.Text.class).stream().map(Arg.Text::value).toList();
    }

    /** An entry id given as text (see {@link #ENTRY_ID}) or as a digest (then its lower-case hex). */
    public String entryId(int i) {
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
    public long categoryBits(int i) {
        long bits = u64(i);
        if (bits == 0 || (bits & ~RecordCategory.ALL_BITS) != 0) {
            throw reject(contract + ".categories", "a category set is a non-empty bit set of RecordCategory ordinals");
        }
        return bits;
    }

    /** One category, as its name. */
    public RecordCategory category(int i) {
        String name = text(i);
        for (RecordCategory c : RecordCategory.values()) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        throw reject(contract + ".category", "unknown category " + name);
    }

    private <A extends Arg> A single(int i, Class<A> kind) {
        Arg arg = call.args().get(i);
        if (kind.isInstance(arg)) {
            return kind.cast(arg);
        }
        throw wrong();
    }

    /** The items of list argument {@code i}, every one of which must be of {@code kind}. */
    private <A extends Arg> List<A> items(int i, Class<A> kind) {
        List<Arg> items = single(i, Arg.Items.class).items();
        if (!items.stream().allMatch(kind::isInstance)) {
            throw wrong();
        }
        return items.stream().map(kind::cast).toList();
    }

    private TransactionRejectedException wrong() {
        return reject(contract + ".arguments", call.method() + " takes " + signature);
    }

    /** A refusal under {@code rule}, such as {@code consent.notPatient}; the message is for the sender. */
    public static TransactionRejectedException reject(String rule, String message) {
        return new TransactionRejectedException(rule, message);
    }

    /** Refuses, under {@code rule}, unless {@code account} is registered with {@code role}. */
    public static void requireRole(StateView state, Address account, String role, String rule) {
        if (!Registry.roleOf(state, account).filter(role::equals).isPresent()) {
            throw reject(rule, account + " is not a registered " + role.toLowerCase(Locale.ROOT));
        }
    }
}
