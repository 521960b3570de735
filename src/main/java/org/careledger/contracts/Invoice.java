package org.careledger.contracts;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.careledger.crypto.Address;
import org.careledger.ledger.CanonicalReader;
import org.careledger.ledger.CanonicalWriter;
import org.careledger.ledger.Hash;

/**
 * A bill on the chain: what a payer owes a payee, line by line, raised by another contract (the
 * prescriptions contract at each dispensing) with a reference to what raised it. The payer pays it
 * once, in full, in tokens; the payee may cancel it while it is open; the contract that raised it
 * may reverse it (cancel it if open, refund it if paid).
 *
 * @param total     the sum of the lines, in base units (overflow-checked when raised)
 * @param raisedBy  the name of the contract that raised it, the only one that may reverse it
 * @param reference the id of what raised it (a prescription's)
 * @param raised    the block that raised it
 * @param payment   the paying transaction and its block, once paid
 * @param settled   the block that cancelled or refunded it
 * @param reasonHash the salted hash of the payee's reason for a cancellation, if given
 */
public record Invoice(Hash id, Address payer, Address payee, List<Line> lines, long total, InvoiceState state,
                      String raisedBy, Hash reference, BlockStamp raised, Optional<Payment> payment,
                      Optional<BlockStamp> settled, Optional<Hash> reasonHash) {

    /** The most lines an invoice has. */
    public static final int MAX_LINES = 32;
    /** The longest line code, in characters. */
    public static final int MAX_CODE_LENGTH = 64;

    /**
     * One line: a code (a medicine's RxNorm code, a fee's name), a positive quantity and a unit price
     * in base units. The invoices contract refuses a line that breaks these rules ({@code invoices.line}).
     */
    public record Line(String code, long quantity, long unitPrice) {

        public Line {
            Objects.requireNonNull(code, "code");
        }
    }

    /** The transaction that paid an invoice, and its block. */
    public record Payment(Hash txId, BlockStamp at) {
    }

    public Invoice {
        lines = List.copyOf(lines);
    }

    Invoice paid(Payment by) {
        return new Invoice(id, payer, payee, lines, total, InvoiceState.PAID, raisedBy, reference, raised, Optional.of(by),
                settled, reasonHash);
    }

    Invoice cancelled(BlockStamp at, Optional<Hash> reason) {
        return new Invoice(id, payer, payee, lines, total, InvoiceState.CANCELLED, raisedBy, reference, raised, payment,
                Optional.of(at), reason);
    }

    Invoice refunded(BlockStamp at) {
        return new Invoice(id, payer, payee, lines, total, InvoiceState.REFUNDED, raisedBy, reference, raised, payment,
                Optional.of(at), reasonHash);
    }

    byte[] encode() {
        CanonicalWriter out = new CanonicalWriter(200 + 90 * lines.size());
        out.hash(id);
        Codec.address(out, payer);
        Codec.address(out, payee);
        out.varint(lines.size());
        lines.forEach(l -> out.string(l.code()).i64BigEndian(l.quantity()).i64BigEndian(l.unitPrice()));
        out.i64BigEndian(total).u8(state.ordinal()).string(raisedBy).hash(reference);
        raised.encode(out);
        out.bool(payment.isPresent());
        payment.ifPresent(p -> {
            out.hash(p.txId());
            p.at().encode(out);
        });
        BlockStamp.encode(out, settled);
        Codec.optionalHash(out, reasonHash);
        return out.toByteArray();
    }

    static Invoice decode(byte[] bytes) {
        CanonicalReader in = new CanonicalReader(bytes);
        Hash id = in.hash("id");
        Address payer = Codec.address(in);
        Address payee = Codec.address(in);
        long count = in.varint(MAX_LINES, "line count");
        List<Line> lines = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            lines.add(new Line(in.string(4 * MAX_CODE_LENGTH, "code"), in.i64BigEndian(), in.i64BigEndian()));
        }
        Invoice invoice = new Invoice(id, payer, payee, lines, in.i64BigEndian(), InvoiceState.ofOrdinal(in.u8()),
                in.string(128, "raised by"), in.hash("reference"), BlockStamp.decode(in),
                in.bool() ? Optional.of(new Payment(in.hash("paid by"), BlockStamp.decode(in))) : Optional.empty(),
                BlockStamp.decodeOptional(in), Codec.optionalHash(in));
        in.end();
        return invoice;
    }
}
