package org.careledger.wallet;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.careledger.contracts.ContractState;
import org.careledger.contracts.Invoice;
import org.careledger.contracts.InvoiceQueries;
import org.careledger.contracts.InvoiceState;
import org.careledger.contracts.Invoices;
import org.careledger.contracts.Prescriptions;
import org.careledger.crypto.Address;
import org.careledger.ledger.Arg;
import org.careledger.ledger.ContractCall;
import org.careledger.ledger.Hash;

/**
 * What an invoice's payment and its refund move, read from the invoice in the state the wallet is
 * given: before the call's block (a call on its way) or after it and any later block (the history).
 * An invoice's payer, payee and total never change, and its states only move forward
 * (OPEN → PAID → REFUNDED, or OPEN → CANCELLED), so each effect is decided by a question whose
 * answer is the same before and after its own block:
 *
 * <pre>
 *                        OPEN        PAID        CANCELLED     REFUNDED
 * invoices.pay           moves       moved       never moved   moved (then refunded by another call)
 * prescriptions.reverse  nothing     refunds     nothing       refunded
 * </pre>
 *
 * A payment of an invoice already paid is refused by the contract, so a second {@code pay} on its
 * way counts the total once more until it is refused: the spendable amount errs on the safe side.
 */
final class InvoiceEffects {

    static final String PAY = Invoices.NAME + ".pay";
    static final String REVERSE = Prescriptions.NAME + ".reverse";

    private InvoiceEffects() {
    }

    /** {@code invoices.pay(digest invoiceId)}: the invoice's total, from its payer (the sender) to its payee. */
    static final class Pay implements TokenEffect {

        @Override
        public String call() {
            return PAY;
        }

        @Override
        public List<Movement> movements(Address sender, ContractCall call, Supplier<ContractState> state) {
            return invoiceOf(call, state)
                    .filter(i -> i.payer().equals(sender) && i.state() != InvoiceState.CANCELLED && i.total() > 0)
                    .map(i -> List.of(new Movement(i.payer(), i.payee(), i.total())))
                    .orElse(List.of());
        }
    }

    /**
     * {@code prescriptions.reverse(digest dispensingId)}: a dispensing's invoice has the dispensing's
     * id; reversed while paid, its total goes back from the payee (the sender, the pharmacy) to the
     * payer; reversed while open, it is only cancelled.
     */
    static final class Refund implements TokenEffect {

        @Override
        public String call() {
            return REVERSE;
        }

        @Override
        public List<Movement> movements(Address sender, ContractCall call, Supplier<ContractState> state) {
            return invoiceOf(call, state)
                    .filter(i -> i.payee().equals(sender) && (i.state() == InvoiceState.PAID || i.state() == InvoiceState.REFUNDED)
                            && i.total() > 0)
                    .map(i -> List.of(new Movement(i.payee(), i.payer(), i.total())))
                    .orElse(List.of());
        }
    }

    /** The invoice a call's one digest argument names, if the state holds it. */
    private static Optional<Invoice> invoiceOf(ContractCall call, Supplier<ContractState> state) {
        if (call.args().size() == 1 && call.args().get(0) instanceof Arg.Digest id) {
            Hash invoiceId = id.value();
            return InvoiceQueries.invoice(state.get(), invoiceId);
        }
        return Optional.empty();
    }
}
