package org.careledger.contracts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.careledger.crypto.Address;
import org.careledger.ledger.Hash;

/**
 * The keys of the invoices contract. An invoice is kept whole under its id and again under its
 * payer and its payee, so that each of the three reads (by id, a payer's list, a payee's list) is
 * one read or one prefix scan; {@link #save} is the one place that writes, so the copies never
 * differ. Lists are in order of the raising block's time, then id.
 *
 * <pre>
 * invoices.id/&lt;id&gt;                              an invoice
 * invoices.payer/&lt;payer&gt;/&lt;raisedAt&gt;/&lt;id&gt;      the same invoice, listed under its payer
 * invoices.payee/&lt;payee&gt;/&lt;raisedAt&gt;/&lt;id&gt;      and under its payee
 * </pre>
 */
final class InvoiceStore {

    private InvoiceStore() {
    }

    static Optional<Invoice> find(StateView state, Hash id) {
        return state.get(idKey(id)).map(Invoice::decode);
    }

    static void save(StateView state, Invoice invoice) {
        byte[] encoded = invoice.encode();
        state.put(idKey(invoice.id()), encoded);
        state.put(payerPrefix(invoice.payer()) + listed(invoice), encoded);
        state.put(payeePrefix(invoice.payee()) + listed(invoice), encoded);
    }

    static List<Invoice> list(StateView state, String prefix) {
        List<Invoice> out = new ArrayList<>();
        state.scan(prefix).values().forEach(v -> out.add(Invoice.decode(v)));
        return out;
    }

    static String payerPrefix(Address payer) {
        return "invoices.payer/" + payer.toLowerHex() + "/";
    }

    static String payeePrefix(Address payee) {
        return "invoices.payee/" + payee.toLowerHex() + "/";
    }

    private static String idKey(Hash id) {
        return "invoices.id/" + id.hex();
    }

    private static String listed(Invoice invoice) {
        return String.format("%020d", invoice.raised().millis()) + "/" + invoice.id().hex();
    }
}
