package org.careledger.contracts;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.careledger.crypto.Address;
import org.careledger.ledger.ContractCall;
import org.careledger.ledger.Hash;

/**
 * The "prescriptions" contract. A registered doctor whose consent covers the patient's MEDICATION
 * (or who holds an emergency access) issues a prescription; pharmacists affiliated with a pharmacy
 * dispense it in fills (see {@link Dispensing}), each presenting the one-time secret of the
 * patient's QR and raising the fill's invoice in the same transaction; its prescriber may cancel it
 * before it is completed. The state machine is ISSUED → PARTIALLY_DISPENSED → COMPLETED, or
 * CANCELLED; a prescription is EXPIRED from its expiry time on by block time, which
 * {@link PrescriptionQueries#statusAt} derives. The chain holds only ids, addresses, the content's
 * hash, quantities, refills, expiry and state. Calls carry no fee. Build calls with
 * {@link PrescriptionCalls}; read with {@link PrescriptionQueries}. Keys: {@link PrescriptionStore}.
 */
public final class Prescriptions extends FeeFreeContract {

    public static final String NAME = "prescriptions";

    public static final int MAX_REFILLS = 5;
    public static final long MIN_VALIDITY_MILLIS = 24L * 3_600_000;
    public static final long MAX_VALIDITY_MILLIS = 366 * MIN_VALIDITY_MILLIS;
    /** How long after its block the pharmacy may reverse a fill. */
    public static final long REVERSE_WINDOW_MILLIS = 24L * 3_600_000;

    /** An RxNorm concept id: 1 to 16 digits. */
    private static final Pattern MEDICINE_CODE = Pattern.compile("[0-9]{1,16}");

    public Prescriptions() {
        super(NAME);
    }

    @Override
    public void execute(CallContext context, ContractCall call) {
        switch (call.method()) {
            case "issue" -> issue(context, call);
            case "dispense" -> Dispensing.dispense(context, call);
            case "cancel" -> cancel(context, call);
            case "reverse" -> Dispensing.reverse(context, call);
            default -> throw Args.reject("prescriptions.method", "prescriptions has no method " + call.method());
        }
    }

    private static void issue(CallContext context, ContractCall call) {
        Args args = Args.of(NAME, call, 7, "(address patient, text medicineCode, u64 quantity, u64 refills, "
                + "u64 validityMillis, digest contentHash, digest secretHash)");
        Address patient = args.address(0);
        String medicine = args.text(1);
        long quantity = args.u64(2);
        long refills = args.u64(3);
        long validity = args.u64(4);
        StateView state = context.state();
        Address doctor = context.sender();
        Args.requireRole(state, doctor, "DOCTOR", "prescriptions.notDoctor");
        Args.requireRole(state, patient, "PATIENT", "prescriptions.unknownPatient");
        long now = context.block().timestamp();
        checkConsent(state, patient, doctor, now);
        checkMedicine(medicine);
        checkQuantity(quantity);
        if (refills < 0 || refills > MAX_REFILLS) {
            throw Args.reject("prescriptions.refills", "a prescription has 0 to " + MAX_REFILLS + " refills, not " + refills);
        }
        if (validity < MIN_VALIDITY_MILLIS || validity > MAX_VALIDITY_MILLIS) {
            throw Args.reject("prescriptions.validity", "a prescription is valid for 1 to 366 days, not " + validity + " ms");
        }
        Hash content = nonZero(args.digest(5), "content hash");
        Hash secret = nonZero(args.digest(6), "secret hash");
        Prescription p = new Prescription(context.transaction().id(), doctor, patient, medicine, quantity, (int) refills,
                totalAllowed(quantity, refills), 0, BlockStamp.of(context.block()), now + validity, content, secret,
                PrescriptionStatus.ISSUED, 0, Optional.empty());
        PrescriptionStore.save(state, p);
    }

    private static void cancel(CallContext context, ContractCall call) {
        Args args = Args.of(NAME, call, 2, "(digest prescriptionId, digest reasonHash)");
        Prescription p = existing(context.state(), args.digest(0));
        if (!context.sender().equals(p.prescriber())) {
            throw Args.reject("prescriptions.notPrescriber", "only the prescriber " + p.prescriber() + " cancels prescription "
                    + p.id().shortHex());
        }
        checkNotCancelled(p);
        if (p.state() == PrescriptionStatus.COMPLETED) {
            throw Args.reject("prescriptions.completed", "prescription " + p.id().shortHex() + " is already completed");
        }
        if (args.digest(1).equals(Hash.ZERO)) {
            throw Args.reject("prescriptions.reasonRequired", "a cancellation needs the salted hash of its reason");
        }
        Prescription.Cancellation by = new Prescription.Cancellation(args.digest(1), BlockStamp.of(context.block()));
        PrescriptionStore.save(context.state(), p.cancelled(by));
    }

    /** The doctor must be allowed to see the patient's MEDICATION now, by a grant or an emergency access. */
    private static void checkConsent(StateView state, Address patient, Address doctor, long now) {
        if (AccessRule.basis(state, patient, doctor, RecordCategory.MEDICATION, now, Set.of()).isEmpty()) {
            throw Args.reject("prescriptions.noConsent", doctor + " has no consent covering MEDICATION of " + patient
                    + " and no emergency access");
        }
    }

    private static void checkMedicine(String code) {
        if (!MEDICINE_CODE.matcher(code).matches()) {
            throw Args.reject("prescriptions.medicine", "a medicine is named by its RxNorm code, 1 to 16 digits, not " + code);
        }
    }

    static void checkQuantity(long quantity) {
        if (quantity <= 0) {
            throw Args.reject("prescriptions.quantity", "a quantity is positive, not " + quantity);
        }
    }

    static void checkNotCancelled(Prescription p) {
        p.cancellation().ifPresent(c -> {
            throw Args.reject("prescriptions.cancelled", "prescription " + p.id().shortHex() + " was cancelled in block "
                    + c.at().height());
        });
    }

    private static long totalAllowed(long quantity, long refills) {
        try {
            return Math.multiplyExact(quantity, 1 + refills);
        } catch (ArithmeticException overflow) {
            throw Args.reject("prescriptions.overflow", "a quantity of " + quantity + " with " + refills
                    + " refills exceeds a 64-bit count");
        }
    }

    static Hash nonZero(Hash hash, String what) {
        if (hash.equals(Hash.ZERO)) {
            throw Args.reject("prescriptions.hash", "the " + what + " must not be zero");
        }
        return hash;
    }

    static Prescription existing(StateView state, Hash id) {
        return PrescriptionStore.find(state, id).orElseThrow(() -> Args.reject("prescriptions.unknown", "there is no prescription " + id));
    }
}
