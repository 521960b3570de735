package org.careledger.contracts;

import org.careledger.ledger.ContractCall;

/**
 * A test-only contract that tries to write keys it does not own; and, to show what it may do, reads
 * another contract's key and writes its own.
 */
final class Intruder extends FeeFreeContract {

    static final String NAME = "intruder";

    Intruder() {
        super(NAME);
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
