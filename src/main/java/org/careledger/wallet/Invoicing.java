package org.careledger.wallet;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;

import org.careledger.common.NotFoundException;
import org.careledger.common.OperationNotAllowedException;
import org.careledger.contracts.ContractState;
import org.careledger.contracts.Invoice;
import org.careledger.contracts.InvoiceCalls;
import org.careledger.contracts.InvoiceQueries;
import org.careledger.contracts.InvoiceState;
import org.careledger.crypto.Address;
import org.careledger.identity.AppRoles;
import org.careledger.identity.CurrentUser;
import org.careledger.identity.UserProfile;
import org.careledger.ledger.Hash;
import org.careledger.node.LedgerService;
import org.careledger.outbox.LedgerOutbox;
import org.careledger.outbox.LedgerReceipt;
import org.careledger.outbox.QueuedCall;
import org.careledger.outbox.Signer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The invoices addressed to the signed-in user (raised by other contracts: a pharmacy's dispensing),
 * their payment from the user's wallet, and the receipt of a paid one. A payment is checked against
 * the same spendable amount as a transfer, under the same per-user turn, and queued through the
 * outbox with the user's key ({@code wallet.pay}); an invoice is paid at most once whatever is
 * clicked or retried: a payment on its way is answered with its receipt, and the contract refuses a
 * second one anyway.
 */
@Service
@RolesAllowed({AppRoles.ADMIN, AppRoles.DOCTOR, AppRoles.PATIENT, AppRoles.PHARMACIST})
public class Invoicing {

    private final CurrentUser currentUser;
    private final LedgerService ledger;
    private final LedgerOutbox outbox;
    private final Spending spending;
    private final Counterparts counterparts;
    private final List<InvoiceLineNames> lineNames;
    private final TransactionTemplate transactions;

    Invoicing(CurrentUser currentUser, LedgerService ledger, LedgerOutbox outbox, Spending spending, Counterparts counterparts,
              List<InvoiceLineNames> lineNames, TransactionTemplate transactions) {
        this.currentUser = currentUser;
        this.ledger = ledger;
        this.outbox = outbox;
        this.spending = spending;
        this.counterparts = counterparts;
        this.lineNames = lineNames;
        this.transactions = transactions;
    }

    /**
     * The user's invoices as payer in the committed state: the open ones first, then the others, each
     * group newest first; an open one whose payment is on its way is marked pending.
     */
    public List<WalletInvoice> myInvoices() {
        UserProfile me = me();
        Set<String> paying = paymentsInFlight(me).keySet();
        Map<Address, String> names = new HashMap<>();
        Function<Address, String> describe = a -> names.computeIfAbsent(a, counterparts::describe);
        List<WalletInvoice> out = new ArrayList<>();
        for (Invoice invoice : InvoiceQueries.byPayer(ledger.committedStateForReading(), me.ledgerAddress())) {
            boolean pending = invoice.state() == InvoiceState.OPEN && paying.contains(invoice.id().hex());
            out.add(new WalletInvoice(invoice.id(), invoice.payee(), describe.apply(invoice.payee()), linesOf(invoice), invoice.total(),
                    invoice.state(), invoice.raised(), invoice.payment(), invoice.settled(), pending));
        }
        out.sort(Comparator.comparing((WalletInvoice i) -> i.state() != InvoiceState.OPEN)
                .thenComparing(i -> i.raised().millis(), Comparator.reverseOrder())
                .thenComparing(WalletInvoice::id, Comparator.reverseOrder()));
        return out;
    }

    /**
     * Checks a payment as {@link #payInvoice} would, queueing nothing: what the person confirms.
     *
     * @throws InvoicePaymentException for an invoice that is not the user's, not open, or more than they can spend
     */
    public PaymentQuote quotePayment(Hash invoiceId) {
        UserProfile me = me();
        Invoice invoice = payable(me, invoiceId);
        long fee = feeOf(invoiceId);
        long spendable = spending.balanceOf(me).spendable();
        checkAffordable(invoice.total(), fee, spendable);
        return new PaymentQuote(invoiceId, counterparts.describe(invoice.payee()), invoice.total(), fee, spendable);
    }

    /**
     * Pays invoice {@code invoiceId} in full from the user's wallet, signed with their key and paying
     * the ordinary fee, through the outbox. Refused here, with nothing queued, for an invoice that is
     * not the user's, one no longer open, and one that costs more (with the fee) than they can spend.
     * If a payment of it is already on its way, returns that payment's receipt instead of a second.
     * Returns the receipt: pending at once, committed once mined.
     *
     * @throws InvoicePaymentException                      saying why, for a person
     * @throws org.careledger.outbox.LedgerRefusedException if the ledger's dry run refuses it
     */
    public LedgerReceipt payInvoice(Hash invoiceId) {
        UserProfile me = me();
        return spending.inTurn(me.id(), () -> {
            QueuedCall paying = paymentsInFlight(me).get(invoiceId.hex());
            if (paying != null) {
                return outbox.receipt(paying); // the user's own payment, queued or waiting for a block (or settling)
            }
            Invoice invoice = payable(me, invoiceId);
            QueuedCall queued = transactions.execute(s -> {
                checkAffordable(invoice.total(), feeOf(invoiceId), spending.balanceOf(me).spendable());
                return outbox.queue(InvoicePayments.PAY, Signer.user(me.id()), me.ledgerAddress().toString(), invoiceId.hex(),
                        InvoiceCalls.pay(invoiceId));
            });
            return outbox.receipt(queued);
        });
    }

    /**
     * The receipt of a paid (or since refunded) invoice, for its payer or its payee only.
     *
     * @throws NotFoundException            if there is no such invoice the user paid or was paid
     * @throws OperationNotAllowedException if it is not paid
     */
    public InvoiceReceipt receipt(Hash invoiceId) {
        Address me = me().ledgerAddress();
        Invoice invoice = InvoiceQueries.invoice(ledger.committedStateForReading(), invoiceId)
                .filter(i -> i.payer().equals(me) || i.payee().equals(me))
                .orElseThrow(() -> new NotFoundException("There is no receipt of invoice " + WalletInvoice.shortId(invoiceId) + " for you."));
        Invoice.Payment payment = invoice.payment().orElseThrow(() -> new OperationNotAllowedException(
                "Invoice " + WalletInvoice.shortId(invoiceId) + " is not paid: it has a receipt once it is paid."));
        Optional<Long> refunded = invoice.state() == InvoiceState.REFUNDED ? invoice.settled().map(s -> s.height()) : Optional.empty();
        return new InvoiceReceipt(invoice.id(), invoice.payer(), counterparts.describe(invoice.payer()), invoice.payee(),
                counterparts.describe(invoice.payee()), linesOf(invoice), invoice.total(), payment.txId(), payment.at().height(),
                Instant.ofEpochMilli(payment.at().millis()), refunded);
    }

    /** The fee of paying an invoice now, in base units. */
    private long feeOf(Hash invoiceId) {
        return ledger.minimumFee(InvoiceCalls.pay(invoiceId));
    }

    /** The invoice, if it is the user's to pay and still open. */
    private Invoice payable(UserProfile me, Hash invoiceId) {
        ContractState state = ledger.committedStateForReading();
        Invoice invoice = InvoiceQueries.invoice(state, invoiceId).filter(i -> i.payer().equals(me.ledgerAddress()))
                .orElseThrow(() -> InvoicePaymentException.unknown(WalletInvoice.shortId(invoiceId)));
        if (invoice.state() != InvoiceState.OPEN) {
            throw InvoicePaymentException.notOpen(invoice, counterparts.describe(invoice.payee()));
        }
        return invoice;
    }

    private static void checkAffordable(long total, long fee, long spendable) {
        if (fee > spendable || total > spendable - fee) {
            throw InvoicePaymentException.cannotAfford(total, fee, spendable);
        }
    }

    /** The user's payments on their way, by the invoice's id in hex. */
    private Map<String, QueuedCall> paymentsInFlight(UserProfile me) {
        return outbox.inFlightOf(Signer.user(me.id())).stream().filter(c -> InvoicePayments.PAY.equals(c.kind()))
                .collect(Collectors.toMap(QueuedCall::relatedId, c -> c, (first, second) -> first));
    }

    private List<InvoiceLine> linesOf(Invoice invoice) {
        return invoice.lines().stream().map(l -> new InvoiceLine(nameOf(l.code(), invoice.reference()), l.code(), l.quantity(),
                l.unitPrice())).toList();
    }

    private String nameOf(String code, Hash reference) {
        return lineNames.stream().flatMap(n -> n.nameOf(code, reference).stream()).findFirst().orElse(code);
    }

    private UserProfile me() {
        UserProfile me = currentUser.require();
        if (me.ledgerAddress() == null) {
            throw new OperationNotAllowedException("Your account has no ledger address yet");
        }
        return me;
    }
}
