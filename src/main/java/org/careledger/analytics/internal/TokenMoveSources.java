package org.careledger.analytics.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.careledger.contracts.AppointmentQueries;
import org.careledger.contracts.Appointments;
import org.careledger.contracts.ContractState;
import org.careledger.contracts.Prescriptions;
import org.careledger.ledger.Arg;
import org.careledger.node.TransactionCommitted;

/**
 * What the ledger's token figures count of a committed transaction: the tokens it moved, by kind. A new
 * kind of flow is one more branch here and one more value in {@link TokenFlows#FLOWS}; the read model
 * ({@link TokenFlows}) takes any kind.
 */
final class TokenMoveSources {

    private TokenMoveSources() {
    }

    /**
     * The tokens a committed transaction moved, by kind: its fee (to the sealer), a transfer between
     * wallets, a pharmacy invoice paid, an appointment's fee paid out to the doctor when it is completed
     * or missed (held in escrow until then; a refund is not counted). Amounts only, no address.
     */
    static List<TokenFlows.TokenMove> of(TransactionCommitted tx, Instant blockTime, ContractState state) {
        LocalDate day = blockTime.atZone(ZoneOffset.UTC).toLocalDate();
        String txId = tx.transactionId().hex();
        List<TokenFlows.TokenMove> out = new ArrayList<>();
        if (tx.fee() > 0) {
            out.add(new TokenFlows.TokenMove(txId, "fees", day, tx.fee(), tx.height()));
        }
        List<Arg> args = tx.call().args();
        if (tx.contract().equals(org.careledger.contracts.Tokens.NAME) && tx.method().equals("transfer") && args.size() >= 2
                && args.get(1) instanceof Arg.U64 amount) {
            out.add(new TokenFlows.TokenMove(txId, "transfers", day, amount.value(), tx.height()));
        } else if (tx.contract().equals(org.careledger.contracts.Invoices.NAME) && tx.method().equals("pay") && !args.isEmpty()
                && args.get(0) instanceof Arg.Digest id) {
            org.careledger.contracts.InvoiceQueries.invoice(state, id.value())
                    .filter(i -> i.raisedBy().equals(Prescriptions.NAME))
                    .ifPresent(i -> out.add(new TokenFlows.TokenMove(txId, "pharmacy", day, i.total(), tx.height())));
        } else if (tx.contract().equals(Appointments.NAME) && (tx.method().equals("complete") || tx.method().equals("noShow"))
                && !args.isEmpty() && args.get(0) instanceof Arg.Digest id) {
            AppointmentQueries.appointment(state, id.value()).filter(a -> a.fee() > 0)
                    .ifPresent(a -> out.add(new TokenFlows.TokenMove(txId, "appointments", day, a.fee(), tx.height())));
        }
        return out;
    }

}
