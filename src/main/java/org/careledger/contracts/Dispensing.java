package org.careledger.contracts;

import java.util.List;
import java.util.Optional;

import org.careledger.crypto.Address;
import org.careledger.ledger.ContractCall;
import org.careledger.ledger.Hash;

/**
 * The pharmacy's part of {@link Prescriptions}. A registered pharmacist affiliated with a pharmacy
 * dispenses a fill for that pharmacy by presenting the secret of the patient's QR: its SHA-256 must
 * be the prescription's current secret hash, which the fill then replaces with the next one the
 * patient's portal made, so a copied or already used QR opens nothing. A secret some fill already
 * consumed is refused naming that fill (so of two pharmacists racing on one QR, the second is told
 * who dispensed it and in which block). The fill raises its invoice (patient pays the pharmacy)
 * through {@link InvoiceApi} in the same transaction: no fill without its invoice. The pharmacy
 * account may reverse a fill within {@link Prescriptions#REVERSE_WINDOW_MILLIS} of its block: the invoice is
 * cancelled, or refunded from the pharmacy if paid, and the quantity is available again.
 */
final class Dispensing {

    private Dispensing() {
    }

    static void dispense(CallContext context, ContractCall call) {
        Args args = Args.of(Prescriptions.NAME, call, 7, "(digest prescriptionId, u64 quantity, digest secret, "
                + "digest nextSecretHash, address pharmacy, u64 unitPrice, digest packHash)");
        long quantity = args.u64(1);
        Address pharmacy = args.address(4);
        StateView state = context.state();
        checkPharmacist(state, context.sender(), pharmacy);
        Prescription p = Prescriptions.existing(state, args.digest(0));
        Hash presented = Hash.sha256(args.digest(2).bytes());
        checkDispensable(p, presented, state, context.block().timestamp());
        Prescriptions.checkQuantity(quantity);
        if (quantity > p.remaining()) {
            throw Args.reject("prescriptions.overQuantity", "a fill of " + quantity + " exceeds the " + p.remaining()
                    + " left on prescription " + p.id().shortHex());
        }
        Hash next = checkNextSecret(state, p, args.digest(3));
        Hash pack = Prescriptions.nonZero(args.digest(6), "pack hash");
        Hash id = context.transaction().id();
        long unitPrice = args.u64(5);
        Invoice.Line line = new Invoice.Line(p.medicineCode(), quantity, unitPrice);
        context.api(InvoiceApi.class).raise(id, p.patient(), pharmacy, List.of(line), p.id());
        Fill fill = new Fill(id, p.id(), p.fills() + 1, context.sender(), pharmacy, quantity, unitPrice, pack, presented,
                BlockStamp.of(context.block()), Optional.empty());
        PrescriptionStore.saveFill(state, fill);
        PrescriptionStore.markConsumed(state, fill);
        PrescriptionStore.save(state, p.dispensedAgain(quantity, next));
    }

    static void reverse(CallContext context, ContractCall call) {
        Args args = Args.of(Prescriptions.NAME, call, 1, "(digest dispensingId)");
        Hash id = args.digest(0);
        StateView state = context.state();
        Fill fill = PrescriptionStore.fill(state, id)
                .orElseThrow(() -> Args.reject("prescriptions.unknownDispensing", "there is no dispensing " + id));
        if (!context.sender().equals(fill.pharmacy())) {
            throw Args.reject("prescriptions.notDispensingPharmacy", "only the pharmacy " + fill.pharmacy()
                    + " reverses its dispensing " + id.shortHex());
        }
        if (fill.reversed().isPresent()) {
            throw Args.reject("prescriptions.alreadyReversed", "dispensing " + id.shortHex() + " was already reversed in block "
                    + fill.reversed().get().height());
        }
        long now = context.block().timestamp();
        if (now - fill.dispensed().millis() >= Prescriptions.REVERSE_WINDOW_MILLIS) {
            throw Args.reject("prescriptions.reverseWindow", "dispensing " + id.shortHex() + " of block " + fill.dispensed().height()
                    + " can no longer be reversed: a fill is reversed within 24 hours");
        }
        InvoiceApi invoices = context.api(InvoiceApi.class);
        invoices.invoice(id).filter(i -> i.state() == InvoiceState.OPEN || i.state() == InvoiceState.PAID)
                .ifPresent(i -> invoices.reverse(id));
        Prescription p = Prescriptions.existing(state, fill.prescriptionId());
        PrescriptionStore.saveFill(state, fill.reversedAt(BlockStamp.of(context.block())));
        PrescriptionStore.save(state, p.reversed(fill.quantity()));
    }

    private static void checkPharmacist(StateView state, Address pharmacist, Address pharmacy) {
        Args.requireRole(state, pharmacist, "PHARMACIST", "prescriptions.notPharmacist");
        Args.requireRole(state, pharmacy, "PHARMACY", "prescriptions.notPharmacy");
        if (!Registry.affiliationOf(state, pharmacist).filter(pharmacy::equals).isPresent()) {
            throw Args.reject("prescriptions.notAffiliated", pharmacist + " does not dispense for pharmacy " + pharmacy);
        }
    }

    /** Not cancelled, the presented secret not consumed before, not completed, not expired, the secret right. */
    private static void checkDispensable(Prescription p, Hash presented, StateView state, long now) {
        Prescriptions.checkNotCancelled(p);
        PrescriptionStore.consumedBy(state, p.id(), presented).ifPresent(earlier -> {
            throw Args.reject("prescriptions.alreadyDispensed", "already dispensed by " + earlier.pharmacist() + " at block "
                    + earlier.dispensed().height() + " (time " + earlier.dispensed().millis() + ") for pharmacy " + earlier.pharmacy()
                    + ": this QR code was used");
        });
        if (p.state() == PrescriptionStatus.COMPLETED) {
            throw Args.reject("prescriptions.completed", "prescription " + p.id().shortHex() + " is completed");
        }
        if (p.expiredAt(now)) {
            throw Args.reject("prescriptions.expired", "prescription " + p.id().shortHex() + " expired at " + p.expiresAt());
        }
        if (!presented.equals(p.secretHash())) {
            throw Args.reject("prescriptions.secret", "the secret does not open prescription " + p.id().shortHex()
                    + ": scan the patient's current QR code");
        }
    }

    /** The next secret hash: not zero, not the current one, not one consumed before. */
    private static Hash checkNextSecret(StateView state, Prescription p, Hash next) {
        Prescriptions.nonZero(next, "next secret hash");
        if (next.equals(p.secretHash()) || PrescriptionStore.consumedBy(state, p.id(), next).isPresent()) {
            throw Args.reject("prescriptions.secretReused", "the next secret hash must be new to prescription " + p.id().shortHex());
        }
        return next;
    }
}
