package org.careledger.appointments;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.careledger.contracts.Appointment;
import org.careledger.contracts.AppointmentQueries;
import org.careledger.contracts.AppointmentStatus;
import org.careledger.common.TokenAmount;
import org.careledger.ledger.Hash;
import org.careledger.node.LedgerService;
import org.careledger.outbox.CallHook;
import org.careledger.outbox.CallKind;
import org.careledger.outbox.QueuedCall;
import org.careledger.outbox.Refusal;
import org.careledger.outbox.Refusals;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The appointments' ledger calls and what happens when one settles, in the settling transaction: a
 * booking in a block gets its id on chain and tells the doctor; a refused one frees its slot here and
 * says why; a cancellation, decline or close frees the slot and tells the other side. A booking's
 * related id is the portal's id of it; every other call's is the appointment's id on chain (hex).
 */
@Component
class AppointmentLedgerCalls implements CallHook {

    static final CallKind BOOK = new CallKind("appointments", "book");
    static final CallKind CONFIRM = new CallKind("appointments", "confirm");
    static final CallKind DECLINE = new CallKind("appointments", "decline");
    static final CallKind CANCEL = new CallKind("appointments", "cancel");
    static final CallKind COMPLETE = new CallKind("appointments", "complete");
    static final CallKind NO_SHOW = new CallKind("appointments", "noshow");
    static final CallKind FEE = new CallKind("appointments", "fee");
    static final CallKind TERMS = new CallKind("appointments", "terms");

    private final AppointmentRows rows;
    private final AppointmentViews views;
    private final LedgerService ledger;
    private final ApplicationEventPublisher events;

    AppointmentLedgerCalls(AppointmentRows rows, AppointmentViews views, LedgerService ledger, ApplicationEventPublisher events) {
        this.rows = rows;
        this.views = views;
        this.ledger = ledger;
        this.events = events;
    }

    @Override
    public Set<CallKind> kinds() {
        return Set.of(BOOK, CONFIRM, DECLINE, CANCEL, COMPLETE, NO_SHOW, FEE, TERMS);
    }

    @Override
    public void committed(QueuedCall call, long height) {
        if (call.kind().equals(BOOK)) {
            rows.find(call.relatedId()).ifPresent(b -> {
                rows.booked(b.id(), call.txId(), height);
                views.onChain(call.txId()).ifPresent(a -> events.publishEvent(new AppointmentBooked(b.id(), b.patient(), b.doctor(),
                        views.nameAt(a.doctor()), views.nameAt(a.patient()), Instant.ofEpochMilli(a.start()), a.fee(), height)));
            });
            return;
        }
        if (call.kind().equals(FEE) || call.kind().equals(TERMS)) {
            return;
        }
        Hash chainId = Hash.fromHex(call.relatedId());
        Optional<Appointment> settled = AppointmentQueries.appointment(ledger.committedStateForReading(), chainId);
        if (settled.isEmpty()) {
            return;
        }
        Appointment a = settled.get();
        Optional<AppointmentRows.Booking> row = rows.byChainId(chainId);
        if (!a.state().active()) {
            row.ifPresent(b -> rows.released(b.id()));
        }
        String id = row.map(AppointmentRows.Booking::id).orElse(chainId.hex());
        var patient = views.userAt(a.patient());
        var doctor = views.userAt(a.doctor());
        if (patient.isEmpty() || doctor.isEmpty()) {
            return; // someone of another portal: their own portal tells them
        }
        Instant start = Instant.ofEpochMilli(a.start());
        String doctorName = views.nameAt(a.doctor());
        String patientName = views.nameAt(a.patient());
        if (call.kind().equals(CONFIRM)) {
            events.publishEvent(new AppointmentConfirmed(id, patient.get(), doctor.get(), doctorName, patientName, start, a.fee(), height));
        } else if (call.kind().equals(CANCEL)) {
            events.publishEvent(new AppointmentCancelled(id, patient.get(), doctor.get(), doctorName, patientName, start, a.fee(), height,
                    a.state() == AppointmentStatus.LATE_CANCELLED));
        } else if (call.kind().equals(DECLINE)) {
            String reason = row.map(AppointmentRows.Booking::declineReason).orElse(null);
            events.publishEvent(new AppointmentDeclined(id, patient.get(), doctor.get(), doctorName, patientName, start, a.fee(), height,
                    reason, reason != null && reason.startsWith(DoctorAppointments.DAY_OFF_REASON)));
        } else if (call.kind().equals(COMPLETE) || call.kind().equals(NO_SHOW)) {
            events.publishEvent(new AppointmentClosed(id, patient.get(), doctor.get(), doctorName, patientName, start, a.fee(), height,
                    a.state() == AppointmentStatus.NO_SHOW));
        }
    }

    @Override
    public Optional<String> refused(QueuedCall call, Refusal refusal) {
        String plain = explain(call.kind(), refusal);
        if (call.kind().equals(BOOK)) {
            rows.find(call.relatedId()).ifPresent(b -> rows.refused(b.id(), plain));
            return Optional.of("Your appointment was not booked. " + plain);
        }
        return Optional.of(plain);
    }

    @Override
    public String explain(CallKind kind, Refusal refusal) {
        return switch (refusal.rule()) {
            case "appointments.slotTaken" -> "This slot was just taken by another patient; nothing was charged. Choose another slot.";
            case "appointments.past" -> "The slot has started or passed; nothing was charged.";
            case "appointments.feeChanged" -> "The doctor's fee changed before the booking reached the ledger; nothing was charged. "
                    + "Look at the new fee and book again.";
            case "appointments.noFee" -> "The doctor has no consultation fee set, so they cannot be booked yet.";
            case "appointments.started" -> "The appointment has started: it can no longer be cancelled.";
            case "appointments.notStarted" -> "The appointment has not started yet: mark it completed or missed once it has.";
            case "appointments.closed" -> "The appointment was already closed (" + Refusals.plainWords(refusal) + ").";
            case "appointments.confirmed" -> "The appointment was already confirmed.";
            case "appointments.over" -> "The appointment is over: it can no longer be confirmed.";
            case "tokens.balance" -> "Your wallet does not hold the fee of " + TokenAmount.format(feeIn(refusal)) + " tokens: nothing was booked.";
            default -> Refusals.plainWords(refusal);
        };
    }

    private static long feeIn(Refusal refusal) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?:hold|transfer) of (\\d+)").matcher(refusal.reason());
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }
}
