package org.careledger.contracts;

import java.util.Optional;

import org.careledger.ledger.ContractCall;
import org.careledger.ledger.Genesis;
import org.careledger.ledger.Hash;
import org.careledger.ledger.TransactionRejectedException;

/**
 * The "invoices" contract: bills raised by other contracts through {@link InvoiceApi}, paid by their
 * payer in tokens, at most once. {@code pay} moves exactly the total from the payer to the payee
 * and marks the invoice PAID in the same transaction, so a refused payment (not enough tokens)
 * moves nothing and leaves it OPEN; {@code cancel} lets the payee withdraw an open invoice. Calls
 * carry the ordinary fee, as token transfers do. Build calls with {@link InvoiceCalls}; read with
 * {@link InvoiceQueries}. Keys: {@link InvoiceStore}.
 */
public final class Invoices implements Contract {

    public static final String NAME = "invoices";

    private static final ContractApi<InvoiceApi> API = ContractApi.of(InvoiceApi.class, BoundInvoices::new);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public long minimumFee(ContractCall call, Genesis.Parameters parameters) {
        return parameters.minFee();
    }

    @Override
    public Optional<ContractApi<?>> api() {
        return Optional.of(API);
    }

    @Override
    public void execute(CallContext context, ContractCall call) {
        switch (call.method()) {
            case "pay" -> pay(context, Args.of(NAME, call, 1, "(digest invoiceId)"));
            case "cancel" -> cancel(context, Args.of(NAME, call, 2, "(digest invoiceId, digest reasonHash or zero)"));
            default -> throw Args.reject("invoices.method", "invoices has no method " + call.method());
        }
    }

    private static void pay(CallContext context, Args args) {
        Invoice invoice = existing(context.state(), args.digest(0));
        if (!context.sender().equals(invoice.payer())) {
            throw Args.reject("invoices.notPayer", "only the payer " + invoice.payer() + " pays invoice " + invoice.id().shortHex());
        }
        checkOpen(invoice);
        if (invoice.total() > 0) {
            context.api(TokenApi.class).transfer(invoice.payee(), invoice.total());
        }
        Invoice.Payment payment = new Invoice.Payment(context.transaction().id(), BlockStamp.of(context.block()));
        InvoiceStore.save(context.state(), invoice.paid(payment));
    }

    private static void cancel(CallContext context, Args args) {
        Invoice invoice = existing(context.state(), args.digest(0));
        if (!context.sender().equals(invoice.payee())) {
            throw Args.reject("invoices.notPayee", "only the payee " + invoice.payee() + " cancels invoice " + invoice.id().shortHex());
        }
        checkOpen(invoice);
        InvoiceStore.save(context.state(), invoice.cancelled(BlockStamp.of(context.block()), Codec.noneIfZero(args.digest(1))));
    }

    static Invoice existing(StateView state, Hash id) {
        return InvoiceStore.find(state, id).orElseThrow(() -> Args.reject("invoices.unknown", "there is no invoice " + id));
    }

    private static void checkOpen(Invoice invoice) {
        if (invoice.state() != InvoiceState.OPEN) {
            throw notOpen(invoice);
        }
    }

    /** The refusal for acting on an invoice that is no longer open, naming when it was closed. */
    static TransactionRejectedException notOpen(Invoice invoice) {
        String id = invoice.id().shortHex();
        return switch (invoice.state()) {
            case PAID -> {
                Invoice.Payment p = invoice.payment().orElseThrow();
                yield Args.reject("invoices.alreadyPaid", "invoice " + id + " was already paid in block " + p.at().height()
                        + " at " + p.at().millis() + " by transaction " + p.txId().shortHex());
            }
            case CANCELLED -> Args.reject("invoices.cancelled", "invoice " + id + " was cancelled in block "
                    + invoice.settled().orElseThrow().height());
            case REFUNDED -> Args.reject("invoices.refunded", "invoice " + id + " was refunded in block "
                    + invoice.settled().orElseThrow().height());
            case OPEN -> throw new IllegalStateException("invoice " + id + " is open");
        };
    }
}
