package org.careledger.contracts;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.careledger.crypto.Address;
import org.careledger.ledger.ContractCall;
import org.careledger.ledger.Hash;

/**
 * The "appointments" contract: a patient books a doctor's slot and pays its fee into escrow in one
 * transaction; the money then goes where the rules say, never anywhere else.
 *
 * <ul>
 *   <li>{@code book}: a registered patient books a registered doctor's slot that starts after the
 *       block's time, lasts 5 minutes to 4 hours, starts within a year and overlaps none of the
 *       doctor's active bookings; the fee the patient confirmed must be the doctor's fee now (their
 *       own, else their provider's default), and is held in escrow under the appointment's id
 *       ({@link TokenApi#hold}). The provider's cancellation cut-off is fixed into the booking.</li>
 *   <li>{@code confirm}: the doctor confirms a booked appointment before it ends.</li>
 *   <li>{@code decline}: the doctor declines an active one (a day off, say): the fee goes back in full.</li>
 *   <li>{@code cancel}: the patient cancels an active one before it starts: in full refund up to the
 *       cut-off, by block time; after it, the fee goes to the doctor.</li>
 *   <li>{@code complete} and {@code noShow}: the doctor closes an active one once it has started: the
 *       fee goes to the doctor.</li>
 * </ul>
 *
 * Whenever a fee goes to the doctor, the same transaction records it as a PAID invoice from the
 * patient to the doctor (through {@link InvoiceApi#raisePaid}, its id the closing transaction's).
 * Doctors set their own fee ({@code setFee}, {@code useDefaultFee}); a hospital's account sets its
 * default fee and cut-off ({@code setTerms}). A final state never changes again, so no fee is paid
 * or refunded twice. Calls carry no fee. Build calls with {@link AppointmentCalls}; read with
 * {@link AppointmentQueries}. Keys: {@link AppointmentStore}.
 */
public final class Appointments extends FeeFreeContract {

    public static final String NAME = "appointments";

    public static final long MINUTE = 60_000;
    public static final long MIN_LENGTH_MILLIS = 5 * MINUTE;
    public static final long MAX_LENGTH_MILLIS = 240 * MINUTE;
    public static final long MAX_AHEAD_MILLIS = 366L * 24 * 60 * MINUTE;
    /** The cut-off where a provider set none: a day before the start. */
    public static final long DEFAULT_CUTOFF_MILLIS = 24 * 60 * MINUTE;
    public static final long MAX_CUTOFF_MILLIS = 7 * DEFAULT_CUTOFF_MILLIS;
    /** The invoice line of a consultation, a late cancellation and a no-show. */
    public static final String CONSULTATION = "consultation";
    public static final String LATE_CANCELLATION = "late-cancellation";
    public static final String NO_SHOW = "no-show";

    public Appointments() {
        super(NAME);
    }

    @Override
    public void execute(CallContext context, ContractCall call) {
        switch (call.method()) {
            case "book" -> book(context, Args.of(NAME, call, 5,
                    "(address doctor, u64 start, u64 end, u64 fee, digest reasonHash or zero)"));
            case "confirm" -> confirm(context, existing(context, Args.of(NAME, call, 1, "(digest appointmentId)").digest(0)));
            case "decline" -> {
                Args args = Args.of(NAME, call, 2, "(digest appointmentId, digest reasonHash or zero)");
                decline(context, existing(context, args.digest(0)), Codec.noneIfZero(args.digest(1)));
            }
            case "cancel" -> cancel(context, existing(context, Args.of(NAME, call, 1, "(digest appointmentId)").digest(0)));
            case "complete" -> close(context, existing(context, Args.of(NAME, call, 1, "(digest appointmentId)").digest(0)),
                    AppointmentStatus.COMPLETED, CONSULTATION);
            case "noShow" -> close(context, existing(context, Args.of(NAME, call, 1, "(digest appointmentId)").digest(0)),
                    AppointmentStatus.NO_SHOW, NO_SHOW);
            case "setFee" -> setFee(context, Args.of(NAME, call, 1, "(u64 fee)").u64(0));
            case "useDefaultFee" -> {
                Args.of(NAME, call, 0, "()");
                Args.requireRole(context.state(), context.sender(), "DOCTOR", "appointments.notDoctor");
                AppointmentStore.clearOwnFee(context.state(), context.sender());
            }
            case "setTerms" -> setTerms(context, Args.of(NAME, call, 2, "(u64 defaultFee, u64 cutoffMillis)"));
            default -> throw Args.reject("appointments.method", "appointments has no method " + call.method());
        }
    }

    private static void book(CallContext context, Args args) {
        StateView state = context.state();
        Address patient = context.sender();
        Address doctor = args.address(0);
        long start = args.u64(1);
        long end = args.u64(2);
        long fee = args.u64(3);
        Args.requireRole(state, patient, "PATIENT", "appointments.notPatient");
        Args.requireRole(state, doctor, "DOCTOR", "appointments.unknownDoctor");
        long now = context.block().timestamp();
        if (start <= now) {
            throw Args.reject("appointments.past", "the slot starting at " + start + " is not after the block's time " + now);
        }
        if (start - now > MAX_AHEAD_MILLIS) {
            throw Args.reject("appointments.tooFar", "appointments are booked at most a year ahead, not from " + start);
        }
        if (end - start < MIN_LENGTH_MILLIS || end - start > MAX_LENGTH_MILLIS) {
            throw Args.reject("appointments.length", "a slot lasts 5 minutes to 4 hours, not " + (end - start) + " ms");
        }
        for (AppointmentStore.Slot taken : AppointmentStore.activeSlots(state, doctor)) {
            if (taken.start() < end && start < taken.end()) {
                throw Args.reject("appointments.slotTaken", "the slot at " + start + " of " + doctor + " was just taken by booking "
                        + taken.id().shortHex());
            }
        }
        Optional<Address> provider = Registry.affiliationOf(state, doctor);
        long current = feeOf(state, doctor).orElseThrow(() -> Args.reject("appointments.noFee", doctor
                + " has set no consultation fee and has no provider default"));
        if (fee != current) {
            throw Args.reject("appointments.feeChanged", "the fee is " + current + " base units now, not the " + fee + " confirmed");
        }
        long cutoff = provider.flatMap(p -> AppointmentStore.terms(state, p)).map(AppointmentStore.Terms::cutoffMillis)
                .orElse(DEFAULT_CUTOFF_MILLIS);
        Hash id = context.transaction().id();
        if (fee > 0) {
            context.api(TokenApi.class).hold(id, fee);
        }
        AppointmentStore.save(state, new Appointment(id, patient, doctor, provider, start, end, fee, cutoff,
                Codec.noneIfZero(args.digest(4)), AppointmentStatus.BOOKED, BlockStamp.of(context.block()), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty()));
    }

    private static void confirm(CallContext context, Appointment a) {
        requireDoctor(context, a);
        if (a.state() != AppointmentStatus.BOOKED) {
            throw a.state() == AppointmentStatus.CONFIRMED
                    ? Args.reject("appointments.confirmed", "appointment " + a.id().shortHex() + " was already confirmed in block "
                    + a.confirmed().orElseThrow().height())
                    : closedAlready(a);
        }
        if (context.block().timestamp() >= a.end()) {
            throw Args.reject("appointments.over", "appointment " + a.id().shortHex() + " is over: it can no longer be confirmed");
        }
        AppointmentStore.save(context.state(), a.confirmedAt(BlockStamp.of(context.block())));
    }

    private static void decline(CallContext context, Appointment a, Optional<Hash> reason) {
        requireDoctor(context, a);
        requireActive(a);
        refund(context, a);
        AppointmentStore.save(context.state(), a.closedAs(AppointmentStatus.DECLINED, BlockStamp.of(context.block()),
                context.transaction().id(), reason));
    }

    private static void cancel(CallContext context, Appointment a) {
        if (!context.sender().equals(a.patient())) {
            throw Args.reject("appointments.notPatientOf", "only the patient " + a.patient() + " cancels appointment " + a.id().shortHex());
        }
        requireActive(a);
        long now = context.block().timestamp();
        if (now >= a.start()) {
            throw Args.reject("appointments.started", "appointment " + a.id().shortHex() + " has started: it can no longer be cancelled");
        }
        if (now <= a.freeCancellationUntil()) {
            refund(context, a);
            AppointmentStore.save(context.state(), a.closedAs(AppointmentStatus.CANCELLED, BlockStamp.of(context.block()),
                    context.transaction().id(), Optional.empty()));
        } else {
            payDoctor(context, a, LATE_CANCELLATION);
            AppointmentStore.save(context.state(), a.closedAs(AppointmentStatus.LATE_CANCELLED, BlockStamp.of(context.block()),
                    context.transaction().id(), Optional.empty()));
        }
    }

    private static void close(CallContext context, Appointment a, AppointmentStatus as, String line) {
        requireDoctor(context, a);
        requireActive(a);
        if (context.block().timestamp() < a.start()) {
            throw Args.reject("appointments.notStarted", "appointment " + a.id().shortHex() + " has not started yet");
        }
        payDoctor(context, a, line);
        AppointmentStore.save(context.state(), a.closedAs(as, BlockStamp.of(context.block()), context.transaction().id(),
                Optional.empty()));
    }

    private static void setFee(CallContext context, long fee) {
        Args.requireRole(context.state(), context.sender(), "DOCTOR", "appointments.notDoctor");
        AppointmentStore.setOwnFee(context.state(), context.sender(), fee);
    }

    private static void setTerms(CallContext context, Args args) {
        Args.requireRole(context.state(), context.sender(), "HOSPITAL", "appointments.notHospital");
        long cutoff = args.u64(1);
        if (cutoff > MAX_CUTOFF_MILLIS) {
            throw Args.reject("appointments.cutoff", "a cancellation cut-off is at most 7 days, not " + cutoff + " ms");
        }
        AppointmentStore.setTerms(context.state(), context.sender(), new AppointmentStore.Terms(args.u64(0), cutoff));
    }

    /** The doctor's fee now: their own, else their provider's default; empty if neither is set. */
    static OptionalLong feeOf(StateView state, Address doctor) {
        OptionalLong own = AppointmentStore.ownFee(state, doctor);
        if (own.isPresent()) {
            return own;
        }
        return Registry.affiliationOf(state, doctor).flatMap(p -> AppointmentStore.terms(state, p))
                .map(t -> OptionalLong.of(t.defaultFee())).orElse(OptionalLong.empty());
    }

    private static void refund(CallContext context, Appointment a) {
        if (a.fee() > 0) {
            context.api(TokenApi.class).release(a.id(), a.patient(), a.fee());
        }
    }

    /** Releases the fee to the doctor and records it as a paid invoice, its id the closing transaction's. */
    private static void payDoctor(CallContext context, Appointment a, String line) {
        if (a.fee() > 0) {
            context.api(TokenApi.class).release(a.id(), a.doctor(), a.fee());
            context.api(InvoiceApi.class).raisePaid(context.transaction().id(), a.patient(), a.doctor(),
                    List.of(new Invoice.Line(line, 1, a.fee())), a.id());
        }
    }

    private static void requireDoctor(CallContext context, Appointment a) {
        if (!context.sender().equals(a.doctor())) {
            throw Args.reject("appointments.notDoctorOf", "only the doctor " + a.doctor() + " acts on appointment " + a.id().shortHex());
        }
    }

    private static void requireActive(Appointment a) {
        if (!a.state().active()) {
            throw closedAlready(a);
        }
    }

    private static RuntimeException closedAlready(Appointment a) {
        return Args.reject("appointments.closed", "appointment " + a.id().shortHex() + " was already "
                + a.state().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " in block " + a.closed().orElseThrow().height());
    }

    private static Appointment existing(CallContext context, Hash id) {
        return AppointmentStore.find(context.state(), id)
                .orElseThrow(() -> Args.reject("appointments.unknown", "there is no appointment " + id));
    }
}
