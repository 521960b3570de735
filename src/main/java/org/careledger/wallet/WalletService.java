package org.careledger.wallet;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import jakarta.annotation.security.RolesAllowed;

import org.careledger.common.TokenAmount;
import org.careledger.common.OperationNotAllowedException;
import org.careledger.contracts.Tokens;
import org.careledger.crypto.Address;
import org.careledger.crypto.InvalidAddressException;
import org.careledger.identity.AppRoles;
import org.careledger.identity.CurrentUser;
import org.careledger.identity.UserProfile;
import org.careledger.ledger.Hash;
import org.careledger.node.LedgerService;
import org.careledger.outbox.LedgerOutbox;
import org.careledger.outbox.LedgerReceipt;
import org.careledger.outbox.QueuedCall;
import org.careledger.outbox.Signer;
import org.careledger.wallet.internal.MovementRow;
import org.careledger.wallet.internal.MovementRows;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The signed-in user's wallet, whatever their role: their address, their balance and what they may
 * spend of it, their history, and transfers to any address. The spendable amount is the committed
 * balance less the amounts and fees of the user's own transactions on their way (queued in the
 * outbox or waiting in the pool), so two quick sends cannot both count the same tokens; the tokens
 * contract refuses an overdraft again when the transfer is mined.
 */
@Service
@RolesAllowed({AppRoles.ADMIN, AppRoles.DOCTOR, AppRoles.PATIENT, AppRoles.PHARMACIST})
public class WalletService {

    /** How many committed lines a history shows, newest first. */
    public static final int HISTORY_LIMIT = 200;

    private final CurrentUser currentUser;
    private final LedgerService ledger;
    private final LedgerOutbox outbox;
    private final MovementRows movements;
    private final OnTheirWay onTheirWay;
    private final Spending spending;
    private final Counterparts counterparts;
    private final TransactionTemplate transactions;

    WalletService(CurrentUser currentUser, LedgerService ledger, LedgerOutbox outbox, MovementRows movements, OnTheirWay onTheirWay,
                  Spending spending, Counterparts counterparts, TransactionTemplate transactions) {
        this.currentUser = currentUser;
        this.ledger = ledger;
        this.outbox = outbox;
        this.movements = movements;
        this.onTheirWay = onTheirWay;
        this.spending = spending;
        this.counterparts = counterparts;
        this.transactions = transactions;
    }

    /** The signed-in user's ledger address. */
    public Address myAddress() {
        return me().ledgerAddress();
    }

    /** The committed balance and what the user's transactions on their way take from it. */
    public WalletBalance myBalance() {
        return balanceOf(me());
    }

    private WalletBalance balanceOf(UserProfile me) {
        return spending.balanceOf(me);
    }

    /** The fee a transfer pays now, in base units. */
    public long transferFee() {
        return ledger.minimumFee(Tokens.transfer(myAddress(), 1));
    }

    /**
     * Every committed transaction that moved the user's tokens (newest first, at most
     * {@value #HISTORY_LIMIT}), after the user's own transactions still on their way (marked pending).
     */
    public List<WalletEntry> myHistory() {
        UserProfile profile = me();
        Address me = profile.ledgerAddress();
        List<WalletEntry> out = new ArrayList<>();
        List<MovementRow> recorded = movements.of(me.toLowerHex(), HISTORY_LIMIT);
        Map<Address, String> names = new HashMap<>(); // each counterpart looked up once per history
        Function<Address, String> describe = a -> a == null ? null : names.computeIfAbsent(a, counterparts::describe);
        Set<String> inHistory = new HashSet<>();
        recorded.forEach(r -> inHistory.add(r.txId()));
        for (OnTheirWay.Outgoing o : onTheirWay.of(profile)) {
            if (o.total() == 0 || o.txId() != null && inHistory.contains(o.txId().hex())) {
                continue; // a fee-free call on its way (a consent, an anchor) moves no tokens; a mined one is listed below
            }
            // mined a moment ago but not in the history table yet: shown in its block already
            out.add(new WalletEntry(o.txId(), o.minedAt() == null ? null : o.minedAt().height(),
                    o.minedAt() == null ? null : Instant.ofEpochMilli(o.minedAt().blockTime()), o.to(),
                    describe.apply(o.to()), o.call(), -o.amount(), o.fee()));
        }
        for (MovementRow row : recorded) {
            Address other = row.counterpart() == null ? null : Address.parse(row.counterpart());
            out.add(new WalletEntry(Hash.fromHex(row.txId()), row.height(), row.blockTime(), other,
                    describe.apply(other), row.callName(), row.amount(), row.fee()));
        }
        return out;
    }

    /**
     * Checks a transfer as {@link #send} would, queueing nothing: what the person confirms.
     *
     * @throws InvalidTransferException naming the field and the rule
     */
    public TransferQuote quote(String toAddress, String amountText) {
        UserProfile me = me();
        Address to = parseRecipient(toAddress, me.ledgerAddress());
        long amount = transferAmount(amountText);
        long fee = ledger.minimumFee(Tokens.transfer(to, amount));
        checkSpendable(balanceOf(me).spendable(), amount, fee);
        return new TransferQuote(to, counterparts.nameOf(to).orElse(null), amount, fee);
    }

    /**
     * Sends {@code amountText} tokens to {@code toAddress}, signed with the user's key and paying the
     * transfer fee, through the outbox: refused here (nothing queued) for a malformed address or
     * amount, the user's own address, or more than the spendable amount with the fee; the ledger
     * refuses an overdraft again. Returns the receipt: pending at once, committed once mined.
     *
     * @throws InvalidTransferException                          naming the field and the rule
     * @throws org.careledger.outbox.LedgerRefusedException      if the ledger's dry run refuses it
     */
    public LedgerReceipt send(String toAddress, String amountText) {
        UserProfile me = me();
        // one spending per user at a time, until its call is committed in the outbox: two tabs cannot both spend the same tokens
        QueuedCall queued = spending.inTurn(me.id(), () -> transactions.execute(s -> {
            TransferQuote quote = quote(toAddress, amountText);
            return outbox.queue(WalletCalls.SEND, Signer.user(me.id()), me.ledgerAddress().toString(), null,
                    Tokens.transfer(quote.to(), quote.amount()));
        }));
        return outbox.receipt(queued);
    }

    /**
     * Checks an address as typed, before any amount: the form's live check, by the same rule as
     * {@link #send}.
     *
     * @throws InvalidTransferException on the address field
     */
    public Address checkRecipient(String toAddress) {
        return parseRecipient(toAddress, myAddress());
    }

    /** Where one of the user's transactions stands: committed in block N, or still pending. */
    public String whereIs(Hash txId) {
        return ledger.locate(txId).map(at -> "in block " + at.height()).orElse("pending");
    }

    private static Address parseRecipient(String text, Address me) {
        String typed = text == null ? "" : text.strip();
        if (typed.isEmpty()) {
            throw InvalidTransferException.to("Enter the recipient's address: 0x followed by 40 hexadecimal characters");
        }
        Address to;
        try {
            to = Address.parse(typed);
        } catch (InvalidAddressException e) {
            throw InvalidTransferException.to(e.getMessage());
        }
        if (to.equals(me)) {
            throw InvalidTransferException.to("This is your own address: tokens sent to yourself would only cost the fee");
        }
        return to;
    }

    private static void checkSpendable(long spendable, long amount, long fee) {
        if (fee > spendable || amount > spendable - fee) {
            throw InvalidTransferException.amount("You have " + new TokenAmount(spendable) + " to spend; this needs "
                    + TokenAmount.formatSum(amount, fee) + " including the fee of " + TokenAmount.format(fee));
        }
    }

    private UserProfile me() {
        UserProfile me = currentUser.require();
        if (me.ledgerAddress() == null) {
            throw new OperationNotAllowedException("Your account has no ledger address yet");
        }
        return me;
    }

    /**
     * The amount of a transfer, from what was typed: an amount of tokens ({@link TokenAmount#parse})
     * of more than zero; each refusal on the amount field.
     */
    static long transferAmount(String text) {
        long units;
        try {
            units = TokenAmount.parse(text, InvalidTransferException.AMOUNT).baseUnits();
        } catch (InvalidTransferException e) {
            throw e;
        } catch (org.careledger.common.InvalidInputException e) {
            throw InvalidTransferException.amount(e.fieldErrors().get(InvalidTransferException.AMOUNT));
        }
        if (units == 0) {
            throw InvalidTransferException.amount("Enter an amount of more than zero");
        }
        return units;
    }
}
