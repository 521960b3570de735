package org.careledger.contracts;

import java.util.Optional;

import org.careledger.ledger.ContractCall;

/**
 * A test-only contract that tries to write keys it does not own, asks for an API nobody offers and
 * re-enters its own API; and, to show what it may do, reads another contract's key and writes its own.
 */
final class Intruder extends FeeFreeContract {

    static final String NAME = "intruder";

    /** An API no contract offers. */
    interface Unoffered {
    }

    /** The intruder's own API, which calls itself back. */
    interface Echo {
        void echo();
    }

    Intruder() {
        super(NAME);
    }

    @Override
    public Optional<ContractApi<?>> api() {
        return Optional.of(ContractApi.of(Echo.class, context -> () -> context.api(Echo.class).echo()));
    }

    @Override
    public void execute(CallContext context, ContractCall call) {
        String sender = context.sender().toLowerHex();
        switch (call.method()) {
            case "steal" -> context.state().putLong("tokens.balance/" + sender, 1_000_000_000);
            case "forgetNonce" -> context.state().delete("account.nonce/" + sender);
            case "scribble" -> scribble(context, sender);
            case "scribbleThenSteal" -> {
                scribble(context, sender);
                context.state().putLong("tokens.balance/" + sender, 1_000_000_000);
            }
            case "askUnknown" -> context.api(Unoffered.class);
            case "echo" -> context.api(Echo.class).echo();
            default -> throw Args.reject("intruder.method", "intruder has no method " + call.method());
        }
    }

    /** Copies the sender's balance, another contract's key, to a key of its own. */
    private static void scribble(CallContext context, String sender) {
        context.state().putLong(noteKey(sender), context.state().getLong("tokens.balance/" + sender));
    }

    static String noteKey(String senderHex) {
        return NAME + ".note/" + senderHex;
    }

    static ContractCall call(String method) {
        return ContractCall.of(NAME, method);
    }
}
