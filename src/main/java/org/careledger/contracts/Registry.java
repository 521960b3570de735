package org.careledger.contracts;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

import org.careledger.crypto.Address;
import org.careledger.ledger.Arg;
import org.careledger.ledger.ContractCall;

/**
 * Which addresses are registered users and with which role, written by admins when they approve a
 * user, so other contracts can check, say, that a consent request comes from a doctor. Providers
 * (a pharmacy, a hospital) are registered the same way for their own accounts, which receive what
 * their invoices are paid; an admin then affiliates a pharmacist or doctor with their provider. The
 * genesis sealers may register the first admins, and register and affiliate as admins do.
 *
 * <pre>
 * registry.role/&lt;account&gt;          the account's role, US-ASCII
 * registry.affiliation/&lt;member&gt;    the provider a pharmacist or doctor works for (its address)
 * registry.sealer/&lt;account&gt;        a genesis sealer
 * </pre>
 */
public final class Registry extends FeeFreeContract {

    public static final String NAME = "registry";

    public static final Set<String> ROLES = Set.of("ADMIN", "DOCTOR", "PATIENT", "PHARMACIST", "PHARMACY", "HOSPITAL");

    /** The roles of people who work for a provider, and the roles of providers. */
    static final Set<String> MEMBER_ROLES = Set.of("DOCTOR", "PHARMACIST");
    static final Set<String> PROVIDER_ROLES = Set.of("PHARMACY", "HOSPITAL");

    public Registry() {
        super(NAME);
    }

    @Override
    public void execute(CallContext context, ContractCall call) {
        switch (call.method()) {
            case "register" -> register(context, call);
            case "affiliate" -> affiliate(context, call);
            default -> throw Args.reject("registry.method", "registry has no method " + call.method());
        }
    }

    private static void register(CallContext context, ContractCall call) {
        Args args = Args.of(NAME, call, 2, "(address user, text role)");
        Address user = args.address(0);
        String role = args.text(1);
        if (!ROLES.contains(role)) {
            throw Args.reject("registry.role", "unknown role " + role);
        }
        requireAdmin(context, "only an admin registers users");
        context.state().put(roleKey(user), role.getBytes(StandardCharsets.US_ASCII));
    }

    private static void affiliate(CallContext context, ContractCall call) {
        Args args = Args.of(NAME, call, 2, "(address member, address provider)");
        Address member = args.address(0);
        Address provider = args.address(1);
        requireAdmin(context, "only an admin affiliates a member with a provider");
        StateView state = context.state();
        if (roleOf(state, member).filter(MEMBER_ROLES::contains).isEmpty()) {
            throw Args.reject("registry.member", member + " is not a registered pharmacist or doctor");
        }
        if (roleOf(state, provider).filter(PROVIDER_ROLES::contains).isEmpty()) {
            throw Args.reject("registry.provider", provider + " is not a registered pharmacy or hospital");
        }
        state.put(affiliationKey(member), provider.bytes());
    }

    private static void requireAdmin(CallContext context, String message) {
        boolean admin = roleOf(context.state(), context.sender()).filter("ADMIN"::equals).isPresent();
        if (!admin && !isSealer(context)) {
            throw Args.reject("registry.admin", message);
        }
    }

    private static boolean isSealer(CallContext context) {
        return context.state().get(sealerKey(context.sender())).isPresent();
    }

    public static ContractCall register(Address user, String role) {
        return ContractCall.of(NAME, "register", Arg.of(user), Arg.of(role));
    }

    /** An admin affiliates a registered pharmacist or doctor with a registered pharmacy or hospital (replacing any earlier one). */
    public static ContractCall affiliate(Address member, Address provider) {
        return ContractCall.of(NAME, "affiliate", Arg.of(member), Arg.of(provider));
    }

    public static Optional<String> roleOf(StateView state, Address account) {
        return state.get(roleKey(account)).map(b -> new String(b, StandardCharsets.US_ASCII));
    }

    /** The provider {@code member} was last affiliated with, if any. */
    public static Optional<Address> affiliationOf(StateView state, Address member) {
        return state.get(affiliationKey(member)).map(Address::fromBytes);
    }

    /**
     * The pharmacy {@code account} dispenses for: present only when the account is a registered
     * pharmacist affiliated with an account registered as a PHARMACY.
     */
    public static Optional<Address> pharmacyOf(StateView state, Address account) {
        if (roleOf(state, account).filter("PHARMACIST"::equals).isEmpty()) {
            return Optional.empty();
        }
        return affiliationOf(state, account).filter(p -> roleOf(state, p).filter("PHARMACY"::equals).isPresent());
    }

    static String roleKey(Address account) {
        return "registry.role/" + account.toLowerHex();
    }

    static String affiliationKey(Address member) {
        return "registry.affiliation/" + member.toLowerHex();
    }

    static String sealerKey(Address account) {
        return "registry.sealer/" + account.toLowerHex();
    }
}
