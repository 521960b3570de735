package org.careledger.wallet;

import java.util.Set;

import org.careledger.contracts.InvoiceQueries;
import org.careledger.ledger.Hash;
import org.careledger.node.LedgerService;
import org.careledger.outbox.CallHook;
import org.careledger.outbox.CallKind;
import org.careledger.outbox.QueuedCall;
import org.careledger.outbox.Refusal;
import org.careledger.outbox.Refusals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The wallet's payments of invoices ({@code wallet.pay}: subject the payer's address, related id the
 * invoice's id in hex) and their hook: a commit publishes {@link InvoicePaid} in the settling
 * transaction; a refusal after queueing (the invoice was cancelled or paid meanwhile, the tokens
 * were spent) is told to the payer in plain words.
 */
@Component
class InvoicePayments implements CallHook {

    static final CallKind PAY = new CallKind("wallet", "pay");

    private static final Logger log = LoggerFactory.getLogger(InvoicePayments.class);

    private final LedgerService ledger;
    private final ApplicationEventPublisher events;

    InvoicePayments(LedgerService ledger, ApplicationEventPublisher events) {
        this.ledger = ledger;
        this.events = events;
    }

    @Override
    public Set<CallKind> kinds() {
        return Set.of(PAY);
    }

    @Override
    public void committed(QueuedCall call, long height) {
        Hash id = Hash.fromHex(call.relatedId());
        InvoiceQueries.invoice(ledger.committedStateForReading(), id).ifPresentOrElse(
                invoice -> events.publishEvent(new InvoicePaid(id, invoice.payer(), invoice.payee(), invoice.total(), height)),
                () -> log.warn("Invoice {} paid in block {} is not in the committed state", id.shortHex(), height));
    }

    @Override
    public String explain(CallKind kind, Refusal refusal) {
        return switch (refusal.rule()) {
            case "invoices.alreadyPaid" -> "This invoice had already been paid when your payment reached the ledger: nothing more was paid.";
            case "invoices.cancelled" -> "This invoice was cancelled before your payment reached the ledger: nothing was paid.";
            case "invoices.refunded" -> "This invoice was refunded before your payment reached the ledger: nothing was paid.";
            case "tokens.balance", "fee" -> "Your wallet no longer held enough tokens when your payment reached the ledger: "
                    + "nothing was paid, and the invoice stays open.";
            default -> Refusals.plainWords(refusal);
        };
    }
}
