package org.careledger.wallet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.careledger.contracts.ContractState;
import org.careledger.contracts.Tokens;
import org.careledger.crypto.Address;
import org.careledger.ledger.Arg;
import org.careledger.ledger.ContractCall;
import org.springframework.stereotype.Component;

/**
 * Every {@link TokenEffect} the portal knows, by call name: {@code tokens.transfer} here, an invoice's
 * payment and its refund ({@link InvoiceEffects}), more from other modules' beans. A call with no effect moves nothing but its fee.
 * The explorer reads them too, so a receipt shows exactly what the wallet's history counts.
 */
@Component
public class TokenEffects {

    static final String TRANSFER = Tokens.NAME + ".transfer";

    private final Map<String, TokenEffect> byCall = new HashMap<>();

    TokenEffects(List<TokenEffect> contributed) {
        register(new Transfer());
        register(new InvoiceEffects.Pay());
        register(new InvoiceEffects.Refund());
        contributed.forEach(this::register);
    }

    private void register(TokenEffect effect) {
        if (byCall.putIfAbsent(effect.call(), effect) != null) {
            throw new IllegalStateException("Two token effects for " + effect.call());
        }
    }

    /**
     * What {@code call} moves; empty for a call with no known effect, or arguments it cannot read.
     * Public for the explorer's receipts, which show the same movements the wallet counts.
     */
    public List<TokenEffect.Movement> of(Address sender, ContractCall call, Supplier<ContractState> state) {
        TokenEffect effect = byCall.get(TokenEffect.nameOf(call));
        if (effect == null) {
            return List.of();
        }
        try {
            return new ArrayList<>(effect.movements(sender, call, state));
        } catch (RuntimeException unreadable) {
            return List.of(); // a call the contract refused to read moved nothing either
        }
    }

    /** {@code tokens.transfer(address to, u64 amount)}: from the sender to {@code to}. */
    private static final class Transfer implements TokenEffect {

        @Override
        public String call() {
            return TRANSFER;
        }

        @Override
        public List<Movement> movements(Address sender, ContractCall call, Supplier<ContractState> state) {
            if (call.args().size() == 2 && call.args().get(0) instanceof Arg.Addr to && call.args().get(1) instanceof Arg.U64 amount) {
                return List.of(new Movement(sender, to.value(), amount.value()));
            }
            return List.of();
        }
    }
}
