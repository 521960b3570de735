package org.careledger.contracts;

import java.util.ArrayList;
import java.util.List;

import org.careledger.crypto.Address;
import org.careledger.ledger.Arg;
import org.careledger.ledger.ContractCall;
import org.careledger.ledger.Hash;

/**
 * A test-only contract that raises and reverses invoices through {@link InvoiceApi} with whatever
 * lines it is given, as an appointments contract would bill a fee, so that a test reaches every
 * rule of the API.
 */
final class InvoiceRaiser extends FeeFreeContract {

    InvoiceRaiser(String name) {
        super(name);
    }

    @Override
    public void execute(CallContext context, ContractCall call) {
        InvoiceApi invoices = context.api(InvoiceApi.class);
        switch (call.method()) {
            case "raise" -> {
                Args args = Args.of(name(), call, 6,
                        "(digest id, address payer, address payee, text[] codes, u64[] quantities, u64[] unitPrices)");
                List<String> codes = args.texts(3);
                List<Long> quantities = args.u64s(4);
                List<Long> prices = args.u64s(5);
                List<Invoice.Line> lines = new ArrayList<>();
                for (int i = 0; i < codes.size(); i++) {
                    lines.add(new Invoice.Line(codes.get(i), quantities.get(i), prices.get(i)));
                }
                invoices.raise(args.digest(0), args.address(1), args.address(2), lines, Hash.ZERO);
            }
            case "reverse" -> invoices.reverse(Args.of(name(), call, 1, "(digest id)").digest(0));
            default -> throw Args.reject(name() + ".method", name() + " has no method " + call.method());
        }
    }

    static ContractCall raise(String contract, Hash id, Address payer, Address payee, List<Invoice.Line> lines) {
        return ContractCall.of(contract, "raise", Arg.of(id), Arg.of(payer), Arg.of(payee),
                Arg.of(lines.stream().map(l -> Arg.of(l.code())).toList()),
                Arg.of(lines.stream().map(l -> Arg.of(l.quantity())).toList()),
                Arg.of(lines.stream().map(l -> Arg.of(l.unitPrice())).toList()));
    }

    static ContractCall reverse(String contract, Hash id) {
        return ContractCall.of(contract, "reverse", Arg.of(id));
    }
}
