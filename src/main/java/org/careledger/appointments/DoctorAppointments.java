package org.careledger.appointments;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;

import org.careledger.common.InvalidInputException;
import org.careledger.common.NotFoundException;
import org.careledger.common.OperationNotAllowedException;
import org.careledger.common.TokenAmount;
import org.careledger.contracts.AppointmentCalls;
import org.careledger.contracts.AppointmentQueries;
import org.careledger.contracts.ContractState;
import org.careledger.contracts.Registry;
import org.careledger.identity.AppRoles;
import org.careledger.identity.CurrentUser;
import org.careledger.identity.UserProfile;
import org.careledger.ledger.ContractCall;
import org.careledger.ledger.Hash;
import org.careledger.node.LedgerService;
import org.careledger.outbox.CallKind;
import org.careledger.outbox.LedgerOutbox;
import org.careledger.outbox.Signer;
import org.careledger.records.PrivateTexts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A doctor's appointments and availability: their day and week (in their provider's zone), confirming,
 * declining, completing and marking no-shows, each a transaction signed with the doctor's key that the
 * contract checks; their weekly hours, one-off changes (a day off over bookings declines each of them
 * with a full refund) and their fee.
 */
@Service
@RolesAllowed(AppRoles.DOCTOR)
public class DoctorAppointments {

    /** How a day off's declines begin, so the patient is told why. */
    static final String DAY_OFF_REASON = "The doctor is not available that day";
    public static final int MAX_REASON_LENGTH = 300;

    private final AppointmentRows rows;
    private final AvailabilityRows availability;
    private final AppointmentViews views;
    private final PrivateTexts texts;
    private final LedgerService ledger;
    private final LedgerOutbox outbox;
    private final CurrentUser currentUser;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DoctorAppointments(AppointmentRows rows, AvailabilityRows availability, AppointmentViews views, PrivateTexts texts, LedgerService ledger,
                       LedgerOutbox outbox, CurrentUser currentUser, TransactionTemplate transactions, Clock clock) {
        this.rows = rows;
        this.availability = availability;
        this.views = views;
        this.texts = texts;
        this.ledger = ledger;
        this.outbox = outbox;
        this.currentUser = currentUser;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The zone the signed-in doctor works in: their provider's. */
    public ZoneId myZone() {
        return views.zoneOf(me());
    }

    /** Today in the doctor's zone. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), myZone());
    }

    /** The doctor's appointments on {@code date} (in their zone), refused bookings left out, by start. */
    public List<AppointmentView> day(LocalDate date) {
        return between(date, date.plusDays(1));
    }

    /** The doctor's appointments in the week (Monday to Sunday) holding {@code date}, by day. */
    public Map<LocalDate, List<AppointmentView>> week(LocalDate date) {
        LocalDate monday = date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Map<LocalDate, List<AppointmentView>> out = new LinkedHashMap<>();
        for (int i = 0; i < 7; i++) {
            out.put(monday.plusDays(i), new ArrayList<>());
        }
        ZoneId zone = myZone();
        between(monday, monday.plusDays(7)).forEach(v -> out.get(v.start().atZone(zone).toLocalDate()).add(v));
        return out;
    }

    private List<AppointmentView> between(LocalDate from, LocalDate to) {
        UserProfile me = me();
        ZoneId zone = views.zoneOf(me);
        long start = from.atStartOfDay(zone).toInstant().toEpochMilli();
        long end = to.atStartOfDay(zone).toInstant().toEpochMilli();
        ContractState state = ledger.committedStateForReading();
        return views.views(AppointmentViews.Viewer.DOCTOR, state, rows.ofDoctor(me.id(), start, end),
                        AppointmentQueries.byDoctor(state, me.ledgerAddress(), start, end), outbox.inFlightOf(Signer.user(me.id())))
                .stream().filter(v -> v.state() != AppointmentState.REFUSED).toList();
    }

    /** One of the doctor's appointments. */
    public AppointmentView find(String id) {
        UserProfile me = me();
        ContractState state = ledger.committedStateForReading();
        AppointmentRows.Booking row = rows.find(id).or(() -> chainId(id).flatMap(rows::byChainId))
                .filter(b -> b.doctor().equals(me.id())).orElse(null);
        List<org.careledger.contracts.Appointment> onChain = chainId(id).flatMap(h -> AppointmentQueries.appointment(state, h))
                .filter(a -> a.doctor().equals(me.ledgerAddress())).stream().toList();
        if (row == null && onChain.isEmpty()) {
            throw new NotFoundException("You have no appointment " + id);
        }
        return views.views(AppointmentViews.Viewer.DOCTOR, state, row == null ? List.of() : List.of(row), onChain,
                outbox.inFlightOf(Signer.user(me.id()))).get(0);
    }

    public AppointmentView confirm(String id) {
        return act(id, AppointmentLedgerCalls.CONFIRM, AppointmentView::confirmable, "confirmed", AppointmentCalls::confirm);
    }

    public AppointmentView complete(String id) {
        return act(id, AppointmentLedgerCalls.COMPLETE, AppointmentView::closable, "marked completed", AppointmentCalls::complete);
    }

    public AppointmentView noShow(String id) {
        return act(id, AppointmentLedgerCalls.NO_SHOW, AppointmentView::closable, "marked missed", AppointmentCalls::noShow);
    }

    /**
     * Declines an appointment with a reason the patient sees: the fee goes back in full.
     *
     * @throws InvalidInputException if the reason is empty or too long
     */
    public AppointmentView decline(String id, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > MAX_REASON_LENGTH) {
            throw InvalidInputException.of("reason", "Tell the patient why, in at most " + MAX_REASON_LENGTH + " characters");
        }
        return declineFor(me(), find(id), why);
    }

    private AppointmentView declineFor(UserProfile me, AppointmentView v, String why) {
        if (v.actionOnItsWay() != null) {
            return v;
        }
        if (!v.declinable()) {
            throw notNow(v, "declined");
        }
        Hash chainId = Hash.fromHex(v.chainId());
        transactions.executeWithoutResult(s -> {
            Hash reasonHash = v.patient() == null ? null : texts.seal(v.patient(), AppointmentViews.DECLINE_KIND, why);
            rows.byChainId(chainId).ifPresent(b -> rows.declineReason(b.id(), why));
            outbox.queue(AppointmentLedgerCalls.DECLINE, Signer.user(me.id()), v.chainId(), v.chainId(),
                    AppointmentCalls.decline(chainId, reasonHash));
        });
        return find(v.id());
    }

    private AppointmentView act(String id, CallKind kind, java.util.function.Predicate<AppointmentView> allowed, String done,
                                java.util.function.Function<Hash, ContractCall> call) {
        UserProfile me = me();
        AppointmentView v = find(id);
        if (v.actionOnItsWay() != null) {
            return v;
        }
        if (!allowed.test(v)) {
            throw notNow(v, done);
        }
        transactions.executeWithoutResult(s -> outbox.queue(kind, Signer.user(me.id()), v.chainId(), v.chainId(),
                call.apply(Hash.fromHex(v.chainId()))));
        return find(id);
    }

    private OperationNotAllowedException notNow(AppointmentView v, String what) {
        if (v.chainId() == null) {
            return new OperationNotAllowedException("The booking is not on the ledger yet: it can be " + what + " once it is");
        }
        if (!v.state().holdsSlot()) {
            return new OperationNotAllowedException("The appointment is already closed: " + v.state().label().toLowerCase(java.util.Locale.ROOT));
        }
        if (Instant.now(clock).isBefore(v.start()) && (what.startsWith("marked"))) {
            return new OperationNotAllowedException("The appointment has not started yet: it can be " + what + " once it has");
        }
        return new OperationNotAllowedException("The appointment cannot be " + what + " now (" + v.state().label() + ")");
    }

    // --- availability and fee

    /** The doctor's hours, coming changes and fees. */
    public DoctorSettings settings() {
        UserProfile me = me();
        ContractState state = ledger.committedStateForReading();
        java.util.OptionalLong own = AppointmentQueries.ownFeeOf(state, me.ledgerAddress());
        java.util.OptionalLong byDefault = Registry.affiliationOf(state.view(), me.ledgerAddress())
                .map(p -> AppointmentQueries.termsOf(state, p).defaultFee()).orElse(java.util.OptionalLong.empty());
        boolean feeOnItsWay = outbox.inFlightOf(Signer.user(me.id())).stream().anyMatch(c -> c.kind().equals(AppointmentLedgerCalls.FEE));
        return new DoctorSettings(views.zoneOf(me), views.providerOf(me).map(p -> p.name()).orElse(null), availability.weekly(me.id()),
                availability.changes(me.id(), today()), own.isPresent() ? own.getAsLong() : null,
                byDefault.isPresent() ? byDefault.getAsLong() : null, feeOnItsWay);
    }

    /**
     * Replaces the doctor's weekly hours. Each span lies within one day, from before to, and is cut
     * into 5- to 240-minute slots; spans of one day must not overlap. Bookings already made stay.
     *
     * @throws InvalidInputException naming what is wrong
     */
    public DoctorSettings setWeeklyHours(List<WeeklyHours> hours) {
        UserProfile me = me();
        AvailabilityRules.checkWeekly(hours);
        transactions.executeWithoutResult(s -> availability.replaceWeekly(me.id(), hours));
        return settings();
    }

    /**
     * Adds a one-off change on a date from today on. A day off declines every active booking of that
     * day with a full refund and tells each patient; returns how many it declined.
     *
     * @throws InvalidInputException if the date is past, or extra hours are not a valid span
     */
    public int addChange(AvailabilityChange change) {
        UserProfile me = me();
        Map<String, String> errors = new LinkedHashMap<>();
        if (change.date().isBefore(today())) {
            errors.put("date", "Choose today or a later date");
        }
        if (change.kind() == AvailabilityChange.Kind.EXTRA_HOURS) {
            AvailabilityRules.checkSpan(change.from(), change.to(), change.slotMinutes(), "hours", errors);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        transactions.executeWithoutResult(s -> availability.addChange(me.id(), change, Instant.now(clock)));
        if (change.kind() != AvailabilityChange.Kind.DAY_OFF) {
            return 0;
        }
        int declined = 0;
        String why = DAY_OFF_REASON + " (" + change.date() + "); your fee was refunded in full.";
        for (AppointmentView v : day(change.date())) {
            if (v.declinable() && v.actionOnItsWay() == null) {
                declineFor(me, v, why);
                declined++;
            }
        }
        return declined;
    }

    public void removeChange(long id) {
        UserProfile me = me();
        availability.change(me.id(), id).orElseThrow(() -> new NotFoundException("You have no change " + id));
        transactions.executeWithoutResult(s -> availability.removeChange(me.id(), id));
    }

    /**
     * Sets the doctor's own consultation fee in tokens, or (blank) charges their provider's default.
     * Bookings already made keep the fee they were made with.
     *
     * @throws InvalidInputException if the amount is not a number of tokens
     * @throws OperationNotAllowedException if blank and their provider has no default
     */
    public DoctorSettings setFee(String tokens) {
        UserProfile me = me();
        ContractCall call;
        if (tokens == null || tokens.isBlank()) {
            if (settings().defaultFee() == null) {
                throw new OperationNotAllowedException("Your hospital has no default fee: set your own");
            }
            call = AppointmentCalls.useDefaultFee();
        } else {
            TokenAmount fee = TokenAmount.parse(tokens, "fee");
            call = AppointmentCalls.setFee(fee.baseUnits());
        }
        transactions.executeWithoutResult(s -> outbox.queue(AppointmentLedgerCalls.FEE, Signer.user(me.id()), me.ledgerAddress().toString(),
                null, call));
        return settings();
    }

    private static java.util.Optional<Hash> chainId(String id) {
        return id != null && id.matches("[0-9a-f]{64}") ? java.util.Optional.of(Hash.fromHex(id)) : java.util.Optional.empty();
    }

    private UserProfile me() {
        UserProfile me = currentUser.require();
        if (me.ledgerAddress() == null) {
            throw new OperationNotAllowedException("Your account has no ledger address yet");
        }
        return me;
    }
}
