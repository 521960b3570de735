package org.careledger.contracts;

import java.util.Optional;

import org.careledger.crypto.Address;
import org.careledger.ledger.Hash;

/**
 * {@link TokenApi} bound to one call: tokens leave only the transaction's sender, and escrows are
 * kept under the calling contract's name. It runs in the tokens contract's own context, so it
 * writes only {@code tokens.} keys. Every method checks all its rules before its first write.
 */
final class BoundTokens implements TokenApi {

    private final CallContext context;

    /** {@code context} is the tokens contract's: its caller, if any, owns the escrows. */
    BoundTokens(CallContext context) {
        this.context = context;
    }

    @Override
    public long balanceOf(Address account) {
        return Tokens.balanceOf(context.state(), account);
    }

    @Override
    public void transfer(Address to, long amount) {
        checkPositive(amount, "transfer");
        Tokens.move(context.state(), context.sender(), to, amount, "transfer");
    }

    @Override
    public void hold(Hash holdId, long amount) {
        checkPositive(amount, "hold");
        String escrow = escrowKey(holdId);
        if (context.state().get(escrow).isPresent()) {
            throw Args.reject("tokens.holdExists", caller() + " already holds tokens under " + holdId.shortHex());
        }
        Address payer = context.sender();
        long balance = balanceOf(payer);
        Tokens.checkCovered(balance, amount, "hold");
        context.state().putLong(Tokens.balanceKey(payer), balance - amount);
        context.state().put(escrow, new Hold(payer, amount).encode());
    }

    @Override
    public void release(Hash holdId, Address to, long amount) {
        checkPositive(amount, "release");
        Hold hold = held(holdId).orElseThrow(() ->
                Args.reject("tokens.unknownHold", caller() + " holds nothing under " + holdId.shortHex()));
        if (amount > hold.amount()) {
            throw Args.reject("tokens.overRelease", "a release of " + amount + " exceeds the " + hold.amount()
                    + " held under " + holdId.shortHex());
        }
        long toBalance = Tokens.credited(balanceOf(to), amount);
        context.state().putLong(Tokens.balanceKey(to), toBalance);
        long rest = hold.amount() - amount;
        if (rest == 0) {
            context.state().delete(escrowKey(holdId));
        } else {
            context.state().put(escrowKey(holdId), new Hold(hold.payer(), rest).encode());
        }
    }

    @Override
    public Optional<Hold> held(Hash holdId) {
        return context.state().get(escrowKey(holdId)).map(Hold::decode);
    }

    private String escrowKey(Hash holdId) {
        return Tokens.escrowKey(caller(), holdId);
    }

    /** The contract that asked for the API; transactions reach only {@link #transfer}, which needs none. */
    private String caller() {
        return context.caller().orElseThrow(() -> new IllegalStateException("Escrows belong to a calling contract"));
    }

    private static void checkPositive(long amount, String what) {
        if (amount <= 0) {
            throw Args.reject("tokens.amount", "a " + what + " moves a positive amount, not " + amount);
        }
    }
}
