package org.careledger.pharmacy;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.careledger.common.TokenAmount;
import org.careledger.contracts.ContractState;
import org.careledger.contracts.Fill;
import org.careledger.contracts.Invoice;
import org.careledger.contracts.InvoiceQueries;
import org.careledger.contracts.Prescription;
import org.careledger.contracts.PrescriptionQueries;
import org.careledger.contracts.PrescriptionStatus;
import org.careledger.contracts.Prescriptions;
import org.careledger.identity.UserDirectory;
import org.careledger.identity.UserId;
import org.careledger.identity.UserProfile;
import org.careledger.outbox.OutboxReceipts;
import org.careledger.provider.Providers;
import org.careledger.provider.ProviderView;
import org.careledger.records.PrescriptionEntries;
import org.springframework.stereotype.Component;

/**
 * Builds what readers see of a prescription from the portal's row and the committed chain: its
 * state by the contract's rule, its fills and their invoices, names where the portal knows them.
 */
@Component
class PrescriptionViews {

    private final PrescriptionRows rows;
    private final PrescriptionEntries entries;
    private final MedicineCatalogue catalogue;
    private final UserDirectory users;
    private final Providers providers;
    private final Clock clock;
    private final OutboxReceipts outbox;

    PrescriptionViews(PrescriptionRows rows, PrescriptionEntries entries, MedicineCatalogue catalogue, UserDirectory users,
                      Providers providers, Clock clock, OutboxReceipts outbox) {
        this.outbox = outbox;
        this.rows = rows;
        this.entries = entries;
        this.catalogue = catalogue;
        this.users = users;
        this.providers = providers;
        this.clock = clock;
    }

    /** The prescription on chain, if its issuing transaction was mined. */
    static Optional<Prescription> onChain(ContractState state, PrescriptionRows.Rx rx) {
        return rx.chainId() == null ? Optional.empty() : PrescriptionQueries.prescription(state, rx.chainId());
    }

    RxState state(ContractState state, PrescriptionRows.Rx rx) {
        if (rx.refused() != null) {
            return RxState.REFUSED;
        }
        Optional<Prescription> p = onChain(state, rx);
        if (p.isEmpty()) {
            return RxState.ON_ITS_WAY;
        }
        PrescriptionStatus status = PrescriptionQueries.statusAt(p.get(), Instant.now(clock).toEpochMilli());
        return RxState.valueOf(status.name());
    }

    PrescriptionView view(ContractState state, PrescriptionRows.Rx rx, boolean withDetails) {
        Optional<Prescription> p = onChain(state, rx);
        PrescriptionDetails details = null;
        if (withDetails && p.isPresent()) {
            details = PrescriptionDetails.of(entries.open(rx.entryId(), p.get().contentHash()));
        }
        List<String> sentTo = rows.pharmaciesOf(rx.id()).stream().map(this::providerName).toList();
        return new PrescriptionView(rx.id(), rx.chainId(), rx.medicine().value(), medicineName(rx.medicine()), name(rx.patient()),
                rx.patientAddress(), name(rx.prescriber()), state(state, rx), rx.createdAt(), rx.issuedBlock(),
                p.map(x -> Instant.ofEpochMilli(x.expiresAt())).orElse(null), p.map(Prescription::quantity).orElse(0L),
                p.map(Prescription::refills).orElse(0), p.map(Prescription::totalAllowed).orElse(0L),
                p.map(Prescription::dispensed).orElse(0L), p.map(Prescription::remaining).orElse(0L), details,
                fills(state, rx, p), sentTo, rx.refused(), rx.cancelReason());
    }

    /** Its fills, newest first: those asked here with their pack, and any dispensed through another portal of the consortium. */
    private List<FillView> fills(ContractState state, PrescriptionRows.Rx rx, Optional<Prescription> p) {
        List<FillView> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (PrescriptionRows.FillRow f : rows.fillsOf(rx.id())) {
            org.careledger.ledger.Hash dispensing = f.chainId() != null ? f.chainId() : signedAs(f).orElse(null);
            Optional<Fill> chain = dispensing == null ? Optional.empty() : PrescriptionQueries.fill(state, dispensing);
            chain.ifPresent(c -> seen.add(c.dispensingId().hex()));
            out.add(fill(state, f.id(), f.quantity(), f.unitPrice(), f.batch(), f.packExpiry(), providerName(f.providerId()),
                    name(f.pharmacist()), f.createdAt(), f.refused(), chain));
        }
        p.ifPresent(x -> PrescriptionQueries.fillsOf(state, x.id()).stream().filter(c -> !seen.contains(c.dispensingId().hex()))
                .forEach(c -> out.add(fill(state, c.dispensingId().hex(), c.quantity(), c.unitPrice(), null, null, c.pharmacy().toString(),
                        c.pharmacist().toString(), Instant.ofEpochMilli(c.dispensed().millis()), null, Optional.of(c)))));
        return out;
    }

    /**
     * The transaction of a fill still in flight here, if it is signed: the chain may hold its fill a
     * moment before the settlement hook marks the row mined, and the fill is then still the row's, not
     * a second one dispensed through another portal.
     */
    private Optional<org.careledger.ledger.Hash> signedAs(PrescriptionRows.FillRow f) {
        if (!f.inFlight()) {
            return Optional.empty();
        }
        return outbox.latest(PharmacyCalls.DISPENSE, f.id()).map(r -> r.txId());
    }

    private FillView fill(ContractState state, String id, long quantity, long unitPrice, String batch, java.time.LocalDate packExpiry,
                          String pharmacy, String pharmacist, Instant askedAt, String refused, Optional<Fill> chain) {
        Optional<Invoice> invoice = chain.flatMap(c -> InvoiceQueries.invoice(state, c.dispensingId()));
        Instant reversibleUntil = chain.filter(c -> c.reversed().isEmpty())
                .map(c -> Instant.ofEpochMilli(c.dispensed().millis() + Prescriptions.REVERSE_WINDOW_MILLIS))
                .filter(until -> until.isAfter(Instant.now(clock))).orElse(null);
        long total;
        try {
            total = Math.multiplyExact(quantity, unitPrice);
        } catch (ArithmeticException e) {
            total = Long.MAX_VALUE;
        }
        return new FillView(id, chain.map(Fill::dispensingId).orElse(null), quantity, new TokenAmount(unitPrice), new TokenAmount(total),
                batch, packExpiry, pharmacy, pharmacist, askedAt, chain.map(c -> c.dispensed().height()).orElse(null), refused,
                invoice.map(Invoice::state).orElse(null), invoice.flatMap(Invoice::payment).map(x -> x.at().height()).orElse(null),
                chain.flatMap(Fill::reversed).map(b -> b.height()).orElse(null), reversibleUntil);
    }

    String medicineName(RxNormCode code) {
        return catalogue.find(code).map(CatalogueMedicine::name).orElse("RxNorm " + code.value());
    }

    String name(UserId id) {
        return users.find(id).map(UserProfile::fullName).orElse("user " + id.value());
    }

    String providerName(long id) {
        return providers.find(id).map(ProviderView::name).orElse("provider " + id);
    }
}
