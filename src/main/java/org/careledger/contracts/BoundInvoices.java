package org.careledger.contracts;

import java.util.List;
import java.util.Optional;

import org.careledger.crypto.Address;
import org.careledger.ledger.Hash;

/**
 * {@link InvoiceApi} bound to one call: it runs in the invoices contract's own context, whose
 * caller is the contract that asked. Every method checks all its rules before its first write.
 */
final class BoundInvoices implements InvoiceApi {

    private final CallContext context;

    BoundInvoices(CallContext context) {
        this.context = context;
    }

    @Override
    public Invoice raise(Hash id, Address payer, Address payee, List<Invoice.Line> lines, Hash reference) {
        if (InvoiceStore.find(context.state(), id).isPresent()) {
            throw Args.reject("invoices.exists", "there is already an invoice " + id.shortHex());
        }
        if (payer.equals(payee)) {
            throw Args.reject("invoices.sameParty", "an invoice's payer " + payer + " cannot also be its payee");
        }
        Invoice invoice = new Invoice(id, payer, payee, lines, totalOf(lines), InvoiceState.OPEN, caller(), reference,
                BlockStamp.of(context.block()), Optional.empty(), Optional.empty(), Optional.empty());
        InvoiceStore.save(context.state(), invoice);
        return invoice;
    }

    @Override
    public Invoice raisePaid(Hash id, Address payer, Address payee, List<Invoice.Line> lines, Hash reference) {
        Invoice open = raise(id, payer, payee, lines, reference);
        Invoice paid = open.paid(new Invoice.Payment(context.transaction().id(), BlockStamp.of(context.block())));
        InvoiceStore.save(context.state(), paid);
        return paid;
    }

    @Override
    public Invoice reverse(Hash id) {
        Invoice invoice = Invoices.existing(context.state(), id);
        if (!invoice.raisedBy().equals(caller())) {
            throw Args.reject("invoices.notRaiser", "only " + invoice.raisedBy() + ", which raised invoice " + id.shortHex()
                    + ", reverses it");
        }
        BlockStamp now = BlockStamp.of(context.block());
        Invoice reversed = switch (invoice.state()) {
            case OPEN -> invoice.cancelled(now, Optional.empty());
            case PAID -> refund(invoice, now);
            case CANCELLED, REFUNDED -> throw Invoices.notOpen(invoice);
        };
        InvoiceStore.save(context.state(), reversed);
        return reversed;
    }

    private Invoice refund(Invoice invoice, BlockStamp now) {
        if (!context.sender().equals(invoice.payee())) {
            throw Args.reject("invoices.notPayee", "only the payee " + invoice.payee() + " refunds invoice " + invoice.id().shortHex());
        }
        if (invoice.total() > 0) {
            context.api(TokenApi.class).transfer(invoice.payer(), invoice.total());
        }
        return invoice.refunded(now);
    }

    @Override
    public Optional<Invoice> invoice(Hash id) {
        return InvoiceStore.find(context.state(), id);
    }

    /** The sum of the lines, each checked; refused if it does not fit a 64-bit amount. */
    private static long totalOf(List<Invoice.Line> lines) {
        if (lines.isEmpty() || lines.size() > Invoice.MAX_LINES) {
            throw Args.reject("invoices.lines", "an invoice has 1 to " + Invoice.MAX_LINES + " lines, not " + lines.size());
        }
        long total = 0;
        for (Invoice.Line line : lines) {
            checkLine(line);
            try {
                total = Math.addExact(total, Math.multiplyExact(line.quantity(), line.unitPrice()));
            } catch (ArithmeticException overflow) {
                throw Args.reject("invoices.overflow", "the invoice's total exceeds " + Long.MAX_VALUE + " base units");
            }
        }
        return total;
    }

    private static void checkLine(Invoice.Line line) {
        String code = line.code();
        if (code.isBlank() || code.length() > Invoice.MAX_CODE_LENGTH || code.chars().anyMatch(Character::isISOControl)) {
            throw Args.reject("invoices.line", "a line's code is 1 to " + Invoice.MAX_CODE_LENGTH + " characters on one line");
        }
        if (line.quantity() <= 0) {
            throw Args.reject("invoices.line", "a line's quantity is positive, not " + line.quantity());
        }
        if (line.unitPrice() < 0) {
            throw Args.reject("invoices.line", "a line's unit price is not negative: " + line.unitPrice());
        }
    }

    /** The contract that asked; an API is only ever bound for a calling contract. */
    private String caller() {
        return context.caller().orElseThrow(() -> new IllegalStateException("Invoices are raised by a calling contract"));
    }
}
