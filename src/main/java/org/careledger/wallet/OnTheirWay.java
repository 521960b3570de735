package org.careledger.wallet;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.careledger.contracts.ContractState;
import org.careledger.crypto.Address;
import org.careledger.identity.UserProfile;
import org.careledger.ledger.ContractCall;
import org.careledger.ledger.Hash;
import org.careledger.ledger.Transaction;
import org.careledger.ledger.TxLocation;
import org.careledger.node.LedgerService;
import org.careledger.outbox.LedgerOutbox;
import org.careledger.outbox.QueuedCall;
import org.careledger.outbox.Signer;
import org.springframework.stereotype.Component;

/**
 * A user's transactions on their way to a block, with what each will take from their balance (its
 * effect's amount and its fee): what the spendable amount subtracts and the history lists as pending.
 */
@Component
class OnTheirWay {

    private final LedgerService ledger;
    private final LedgerOutbox outbox;
    private final TokenEffects effects;

    OnTheirWay(LedgerService ledger, LedgerOutbox outbox, TokenEffects effects) {
        this.ledger = ledger;
        this.outbox = outbox;
        this.effects = effects;
    }

    /**
     * The user's own transactions the outbox has not settled yet (queued, pending, or in a block a
     * moment ago: {@code minedAt}), then any other transaction of theirs waiting in the pool.
     */
    List<Outgoing> of(UserProfile profile) {
        Address me = profile.ledgerAddress();
        Supplier<ContractState> state = new Supplier<>() {
            private ContractState read;

            @Override
            public ContractState get() {
                if (read == null) {
                    read = ledger.committedStateForReading();
                }
                return read;
            }
        };
        List<Outgoing> out = new ArrayList<>();
        Set<Hash> seen = new HashSet<>();
        for (QueuedCall call : outbox.inFlightOf(Signer.user(profile.id()))) {
            // mined already (in the committed balance; the outbox settles it in a moment), or still on its way
            TxLocation mined = call.txId() == null ? null : ledger.locate(call.txId()).orElse(null);
            if (call.txId() != null) {
                seen.add(call.txId());
            }
            out.add(outgoing(me, call.txId(), mined, call.call(), ledger.minimumFee(call.call()), state));
        }
        for (Transaction tx : ledger.pending()) {
            if (tx.senderAddress().equals(me) && seen.add(tx.id())) {
                // the pool forgets what a block included a moment after the chain's index learns of it
                out.add(outgoing(me, tx.id(), ledger.locate(tx.id()).orElse(null), tx.call(), tx.fee(), state));
            }
        }
        return out;
    }

    private Outgoing outgoing(Address me, Hash txId, TxLocation minedAt, ContractCall call, long fee, Supplier<ContractState> state) {
        long amount = 0;
        Address to = null;
        for (TokenEffect.Movement m : effects.of(me, call, state)) {
            if (m.from().equals(me) && !m.to().equals(me)) {
                amount = Math.addExact(amount, m.amount());
                to = m.to();
            }
        }
        return new Outgoing(txId, minedAt, TokenEffect.nameOf(call), to, amount, fee);
    }

    /** One of the user's transactions not yet settled by the outbox; {@code minedAt} once a block holds it. */
    record Outgoing(Hash txId, TxLocation minedAt, String call, Address to, long amount, long fee) {
        long total() {
            return Math.addExact(amount, fee);
        }
    }
}
