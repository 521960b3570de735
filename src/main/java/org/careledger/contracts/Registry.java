package org.careledger.contracts;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

import org.careledger.crypto.Address;
import org.careledger.ledger.Arg;
import org.careledger.ledger.ContractCall;

/**
 * Which addresses are registered users and with which role, written by admins when they approve a
 * user, so other contracts can check, say, that a consent request comes from a doctor. The genesis
 * sealers may register the first admins.
 */
public final class Registry extends FeeFreeContract {

    public static final String NAME = "registry";

    public static final Set<String> ROLES = Set.of("ADMIN", "DOCTOR", "PATIENT", "PHARMACIST");

    public Registry() {
        super(NAME);
    }

    @Override
    public void execute(CallContext context, ContractCall call) {
        if (!"register".equals(call.method())) {
            throw Args.reject("registry.method", "registry has no method " + call.method());
        }
        Args args = Args.of(NAME, call, 2, "(address user, text role)");
        Address user = args.address(0);
        String role = args.text(1);
        if (!ROLES.contains(role)) {
            throw Args.reject("registry.role", "unknown role " + role);
        }
        boolean admin = roleOf(context.state(), context.sender()).filter("ADMIN"::equals).isPresent();
        if (!admin && !isSealer(context)) {
            throw Args.reject("registry.admin", "only an admin registers users");
        }
        context.state().put(roleKey(user), role.getBytes(StandardCharsets.US_ASCII));
    }

    private static boolean isSealer(CallContext context) {
        return context.state().get(sealerKey(context.sender())).isPresent();
    }

    public static ContractCall register(Address user, String role) {
        return ContractCall.of(NAME, "register", Arg.of(user), Arg.of(role));
    }

    public static Optional<String> roleOf(StateView state, Address account) {
        return state.get(roleKey(account)).map(b -> new String(b, StandardCharsets.US_ASCII));
    }

    static String roleKey(Address account) {
        return "registry.role/" + account.toLowerHex();
    }

    static String sealerKey(Address account) {
        return "registry.sealer/" + account.toLowerHex();
    }
}
