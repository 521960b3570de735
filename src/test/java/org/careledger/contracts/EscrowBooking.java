package org.careledger.contracts;

import java.util.List;

import org.careledger.crypto.Address;
import org.careledger.ledger.Arg;
import org.careledger.ledger.ContractCall;
import org.careledger.ledger.Hash;

/**
 * A test-only contract that takes payment through {@link TokenApi}, as an invoices or appointments
 * contract would: it books (holds) the sender's tokens, pays them out in parts, and notes what it
 * holds under its own keys so that a test can see {@link TokenApi#held}.
 */
final class EscrowBooking extends FeeFreeContract {

    EscrowBooking(String name) {
        super(name);
    }

    @Override
    public void execute(CallContext context, ContractCall call) {
        TokenApi tokens = context.api(TokenApi.class);
        switch (call.method()) {
            case "book" -> {
                Args args = Args.of(name(), call, 2, "(digest holdId, u64 amount)");
                tokens.hold(args.digest(0), args.u64(1));
            }
            case "pay" -> {
                Args args = Args.of(name(), call, 3, "(digest holdId, address to, u64 amount)");
                tokens.release(args.digest(0), args.address(1), args.u64(2));
            }
            case "payEach" -> payEach(tokens, call);
            case "send" -> {
                Args args = Args.of(name(), call, 2, "(address to, u64 amount)");
                tokens.transfer(args.address(0), args.u64(1));
            }
            case "note" -> note(context, tokens, Args.of(name(), call, 1, "(digest holdId)").digest(0));
            default -> throw Args.reject(name() + ".method", name() + " has no method " + call.method());
        }
    }

    private void payEach(TokenApi tokens, ContractCall call) {
        Args args = Args.of(name(), call, 3, "(digest holdId, address[] payees, u64[] amounts)");
        List<Address> payees = args.addresses(1);
        List<Long> amounts = args.u64s(2);
        if (payees.size() != amounts.size()) {
            throw Args.reject(name() + ".arguments", "payEach takes as many amounts as payees");
        }
        for (int i = 0; i < payees.size(); i++) {
            tokens.release(args.digest(0), payees.get(i), amounts.get(i));
        }
    }

    private void note(CallContext context, TokenApi tokens, Hash holdId) {
        String key = seenKey(name(), holdId);
        tokens.held(holdId).ifPresentOrElse(hold -> context.state().put(key, hold.encode()), () -> context.state().delete(key));
    }

    static String seenKey(String contract, Hash holdId) {
        return contract + ".seen/" + holdId.hex();
    }

    static ContractCall book(String contract, Hash holdId, long amount) {
        return ContractCall.of(contract, "book", Arg.of(holdId), Arg.of(amount));
    }

    static ContractCall pay(String contract, Hash holdId, Address to, long amount) {
        return ContractCall.of(contract, "pay", Arg.of(holdId), Arg.of(to), Arg.of(amount));
    }

    static ContractCall payEach(String contract, Hash holdId, List<Address> payees, List<Long> amounts) {
        return ContractCall.of(contract, "payEach", Arg.of(holdId), Arg.of(payees.stream().map(Arg::of).toList()),
                Arg.of(amounts.stream().map(Arg::of).toList()));
    }

    static ContractCall send(String contract, Address to, long amount) {
        return ContractCall.of(contract, "send", Arg.of(to), Arg.of(amount));
    }

    static ContractCall note(String contract, Hash holdId) {
        return ContractCall.of(contract, "note", Arg.of(holdId));
    }
}
