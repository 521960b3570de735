package org.careledger.explorer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.careledger.common.NotFoundException;
import org.careledger.common.OperationNotAllowedException;
import org.careledger.contracts.ContractState;
import org.careledger.crypto.Address;
import org.careledger.explorer.internal.ReceiptRow;
import org.careledger.explorer.internal.ReceiptRows;
import org.careledger.ledger.Arg;
import org.careledger.ledger.Hash;
import org.careledger.ledger.Transaction;
import org.careledger.ledger.TxLocation;
import org.careledger.node.LedgerService;
import org.careledger.node.TransactionRefused;
import org.springframework.stereotype.Component;

/**
 * Reads one transaction for a viewer, wherever it is: committed (its location read live from the
 * chain, so a reorganisation's move shows at once), pending, or refused (from the receipt kept when
 * the node announced the refusal). Decides, by the one rule in {@link Viewer#maySee}, whether the
 * viewer may see it, from the addresses it concerns ({@link CallEffects#concerned}).
 */
@Component
class TransactionReader {

    private final LedgerService ledger;
    private final ReceiptRows receipts;
    private final CallEffects effects;
    private final Viewer.Viewers viewers;

    TransactionReader(LedgerService ledger, ReceiptRows receipts, CallEffects effects, Viewer.Viewers viewers) {
        this.ledger = ledger;
        this.receipts = receipts;
        this.effects = effects;
        this.viewers = viewers;
    }

    /**
     * The transaction's page.
     *
     * @throws NotFoundException              if this chain has no such transaction, committed, pending or refused
     * @throws OperationNotAllowedException   if a patient asks for a transaction not about their account
     */
    TxDetails details(Viewer viewer, Hash id) {
        ContractState state = ledger.committedStateForReading();
        Optional<LedgerService.Located> committed = ledger.committedTransaction(id);
        if (committed.isPresent()) {
            Transaction tx = committed.get().transaction();
            TxLocation at = committed.get().location();
            List<TxEffect> found = effectsOf(tx, state);
            check(viewer, tx, found);
            return new TxDetails(id, TxStatus.COMMITTED, at.height(), at.index(), at.blockHash(), Instant.ofEpochMilli(at.blockTime()),
                    label(viewer, tx.senderAddress(), state), tx.nonce(), tx.fee(), tx.call().contract(), tx.call().method(),
                    arguments(viewer, tx.call().args(), state), shown(viewer, found, state), null, null);
        }
        Optional<Transaction> pending = ledger.pendingTransaction(id);
        if (pending.isPresent()) {
            Transaction tx = pending.get();
            List<TxEffect> expected = effects.of(id, tx.senderAddress(), tx.call(), state);
            check(viewer, tx, expected);
            return new TxDetails(id, TxStatus.PENDING, null, null, null, null, label(viewer, tx.senderAddress(), state), tx.nonce(),
                    tx.fee(), tx.call().contract(), tx.call().method(), arguments(viewer, tx.call().args(), state), List.of(), null, null);
        }
        return refused(viewer, id, state).orElseThrow(() -> new NotFoundException("This chain has no transaction " + id.hex()));
    }

    private Optional<TxDetails> refused(Viewer viewer, Hash id, ContractState state) {
        Optional<TransactionRefused> announced = ledger.refusalOf(id);
        if (announced.isPresent()) {
            TransactionRefused r = announced.get();
            Set<Address> concerned = CallEffects.concerned(r.sender(), r.call(), List.of());
            if (!viewer.maySee(concerned)) {
                throw notYours(id);
            }
            return Optional.of(new TxDetails(id, TxStatus.REFUSED, null, null, null, null, label(viewer, r.sender(), state), null, 0,
                    r.call().contract(), r.call().method(), arguments(viewer, r.call().args(), state), List.of(), r.rule(), r.reason()));
        }
        return receipts.find(id.hex()).filter(r -> ReceiptRow.REFUSED.equals(r.status())).map(r -> {
            Address sender = Address.parse(r.sender());
            if (!viewer.maySee(Set.of(sender))) {
                throw notYours(id);
            }
            return new TxDetails(id, TxStatus.REFUSED, null, null, null, null, label(viewer, sender, state), r.nonce(), r.fee(),
                    r.contract(), r.method(), List.of(), List.of(), r.refusalRule(), r.refusalMessage());
        });
    }

    /** The effects of a committed transaction: as its receipt keeps them, or decoded now if the read model has not got to it. */
    List<TxEffect> effectsOf(Transaction tx, ContractState state) {
        return receipts.find(tx.id().hex()).filter(r -> ReceiptRow.COMMITTED.equals(r.status()))
                .map(r -> r.effects().stream().map(TransactionReader::effect).toList())
                .orElseGet(() -> effects.of(tx.id(), tx.senderAddress(), tx.call(), state));
    }

    /** Whether {@code viewer} may see {@code tx}: staff always, a patient when it concerns them. */
    boolean maySee(Viewer viewer, Transaction tx, ContractState state) {
        return !viewer.isPatient() || viewer.maySee(CallEffects.concerned(tx.senderAddress(), tx.call(), effectsOf(tx, state)));
    }

    TxRow row(Viewer viewer, Transaction tx, TxStatus status, Long height, Integer index, Instant time, ContractState state) {
        return new TxRow(tx.id(), status, height, index, time, label(viewer, tx.senderAddress(), state),
                tx.call().contract() + "." + tx.call().method(), tx.fee());
    }

    AddressLabel label(Viewer viewer, Address address, ContractState state) {
        return viewers.label(viewer, address, state);
    }

    private void check(Viewer viewer, Transaction tx, List<TxEffect> found) {
        if (!viewer.maySee(CallEffects.concerned(tx.senderAddress(), tx.call(), found))) {
            throw notYours(tx.id());
        }
    }

    private static OperationNotAllowedException notYours(Hash id) {
        return new OperationNotAllowedException("Transaction " + id.shortHex() + " is not about your account: patients see only "
                + "their own account's transactions");
    }

    private List<TxDetails.Argument> arguments(Viewer viewer, List<Arg> args, ContractState state) {
        List<TxDetails.Argument> out = new ArrayList<>();
        for (Arg arg : args) {
            out.add(argument(viewer, arg, state));
        }
        return out;
    }

    private TxDetails.Argument argument(Viewer viewer, Arg arg, ContractState state) {
        if (arg instanceof Arg.Addr a) {
            return new TxDetails.Argument("address", a.value().toString(), label(viewer, a.value(), state));
        } else if (arg instanceof Arg.Digest d) {
            return new TxDetails.Argument("digest", d.value().hex(), null);
        } else if (arg instanceof Arg.U64 u) {
            return new TxDetails.Argument("u64", Long.toUnsignedString(u.value()), null);
        } else if (arg instanceof Arg.Flag f) {
            return new TxDetails.Argument("flag", String.valueOf(f.value()), null);
        } else if (arg instanceof Arg.Text t) {
            return new TxDetails.Argument("text", t.value(), null);
        } else if (arg instanceof Arg.Bytes b) {
            return new TxDetails.Argument("bytes", b.value().length + " bytes", null);
        }
        Arg.Items items = (Arg.Items) arg;
        List<String> shown = new ArrayList<>();
        for (Arg item : items.items()) {
            TxDetails.Argument one = argument(viewer, item, state);
            shown.add(one.address() != null ? one.address().display() : one.value());
        }
        return new TxDetails.Argument("list", String.join(", ", shown), null);
    }

    private List<TxDetails.Effect> shown(Viewer viewer, List<TxEffect> found, ContractState state) {
        List<TxDetails.Effect> out = new ArrayList<>();
        for (TxEffect e : found) {
            if (e instanceof TxEffect.TokensMoved t) {
                out.add(new TxDetails.Effect("tokens moved", label(viewer, t.from(), state), label(viewer, t.to(), state), t.amount(),
                        null, null, null, null));
            } else if (e instanceof TxEffect.ConsentChanged c) {
                out.add(new TxDetails.Effect(c.change(), null, null, null, c.subject(), label(viewer, c.patient(), state),
                        c.doctor() == null ? null : label(viewer, c.doctor(), state), c.detail()));
            }
        }
        return out;
    }

    static TxEffect effect(ReceiptRow.EffectRow row) {
        if (ReceiptRow.EffectRow.TOKENS.equals(row.kind())) {
            return new TxEffect.TokensMoved(Address.parse(row.payer()), Address.parse(row.payee()), row.amount());
        }
        return new TxEffect.ConsentChanged(row.change(), Hash.fromHex(row.subjectId()), Address.parse(row.patient()),
                row.doctor() == null ? null : Address.parse(row.doctor()), row.detail());
    }
}
