package org.careledger.appointments;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;

import org.careledger.common.InvalidInputException;
import org.careledger.common.NotFoundException;
import org.careledger.common.OperationNotAllowedException;
import org.careledger.common.TokenAmount;
import org.careledger.contracts.AppointmentCalls;
import org.careledger.contracts.AppointmentQueries;
import org.careledger.contracts.ContractState;
import org.careledger.identity.AccountStatus;
import org.careledger.identity.AppRoles;
import org.careledger.identity.CurrentUser;
import org.careledger.identity.Role;
import org.careledger.identity.UserDirectory;
import org.careledger.identity.UserId;
import org.careledger.identity.UserProfile;
import org.careledger.ledger.Hash;
import org.careledger.node.LedgerService;
import org.careledger.outbox.LedgerOutbox;
import org.careledger.outbox.LedgerRefusedException;
import org.careledger.outbox.Signer;
import org.careledger.records.PrivateTexts;
import org.careledger.wallet.WalletService;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Booking, as a patient does it: find a doctor by name, specialty or provider; see their free slots
 * (their hours in their provider's zone, less what is booked and what starts within
 * {@code careledger.appointments.booking-lead}, 10 minutes by default: the booking must reach a block
 * before the slot starts); confirm the fee and the cancellation rule; book. The booking is one
 * transaction signed with the patient's key that holds the fee in escrow; the portal checks the slot
 * and the balance first so the patient is told at once, and holds the slot on this node until the
 * ledger decides. The patient's own appointments, and cancelling while the contract allows it.
 */
@Service
@RolesAllowed(AppRoles.PATIENT)
public class AppointmentBooking {

    /** How many days of slots a patient may look ahead. */
    public static final int HORIZON_DAYS = 28;
    public static final int MAX_REASON_LENGTH = 500;

    private final AppointmentRows rows;
    private final DoctorSlots slots;
    private final AppointmentViews views;
    private final PrivateTexts texts;
    private final WalletService wallet;
    private final LedgerService ledger;
    private final LedgerOutbox outbox;
    private final CurrentUser currentUser;
    private final UserDirectory users;
    private final TransactionTemplate transactions;
    private final Clock clock;

    AppointmentBooking(AppointmentRows rows, DoctorSlots slots, AppointmentViews views, PrivateTexts texts, WalletService wallet,
                       LedgerService ledger, LedgerOutbox outbox, CurrentUser currentUser, UserDirectory users,
                       TransactionTemplate transactions, Clock clock) {
        this.rows = rows;
        this.slots = slots;
        this.views = views;
        this.texts = texts;
        this.wallet = wallet;
        this.ledger = ledger;
        this.outbox = outbox;
        this.currentUser = currentUser;
        this.users = users;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * The active doctors whose name, specialty or provider contains {@code query} (any case; all of
     * them for a blank one), by name, each with the fee charged now.
     */
    public List<DoctorCard> findDoctors(String query) {
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        ContractState state = ledger.committedStateForReading();
        return users.activeProfilesWithRole(Role.DOCTOR).stream()
                .map(d -> views.card(state, d))
                .filter(c -> q.isEmpty() || contains(c.name(), q) || contains(c.specialty(), q) || contains(c.providerName(), q))
                .sorted(java.util.Comparator.comparing(DoctorCard::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    public DoctorCard doctor(UserId doctor) {
        return views.card(ledger.committedStateForReading(), requireDoctor(doctor));
    }

    /**
     * The doctor's free slots over {@code days} days (at most {@value #HORIZON_DAYS}) from {@code from}
     * (a date in the doctor's zone; today at the earliest), by start.
     */
    public List<Slot> freeSlots(UserId doctor, LocalDate from, int days) {
        UserProfile d = requireDoctor(doctor);
        return slots.free(d, from, days);
    }

    /** The doctor's first {@code count} free slots from now. */
    public List<Slot> nextFreeSlots(UserId doctor, int count) {
        UserProfile d = requireDoctor(doctor);
        return slots.next(d, count);
    }

    /**
     * What booking {@code start} with the doctor costs and the rule agreed to, without booking.
     *
     * @throws SlotTakenException if the slot is no longer free
     * @throws InvalidInputException if it is not one of the doctor's slots
     */
    public BookingQuote quote(UserId doctor, Instant start) {
        UserProfile d = requireDoctor(doctor);
        Slot slot = requireFreeSlot(d, start);
        DoctorCard card = views.card(ledger.committedStateForReading(), d);
        requireFee(card);
        return new BookingQuote(card, slot, card.fee(), wallet.myBalance().spendable(), slot.start().minusMillis(card.cutoffMillis()));
    }

    /**
     * Books {@code start} with the doctor for {@code confirmedFee}, the fee the patient saw, with an
     * optional reason for the visit (sealed in the patient's vault; its salted hash on chain).
     * Returns the appointment, on its way to the ledger.
     *
     * @throws InvalidInputException      if the reason is too long or the time is not one of the doctor's slots
     * @throws SlotTakenException         if someone took the slot first (here, or on the ledger)
     * @throws NotEnoughTokensException   if the patient's spendable tokens do not cover the fee
     * @throws OperationNotAllowedException if the fee changed since the patient saw it, or the doctor cannot be booked
     */
    public AppointmentView book(UserId doctor, Instant start, long confirmedFee, String reason) {
        UserProfile me = me();
        UserProfile d = requireDoctor(doctor);
        String why = reason == null ? "" : reason.strip();
        if (why.length() > MAX_REASON_LENGTH) {
            throw InvalidInputException.of("reason", "Keep the reason to " + MAX_REASON_LENGTH + " characters; tell the doctor more at the visit");
        }
        Slot slot = requireFreeSlot(d, start);
        DoctorCard card = views.card(ledger.committedStateForReading(), d);
        requireFee(card);
        if (card.fee() != confirmedFee) {
            throw new OperationNotAllowedException("The doctor's fee is now " + TokenAmount.format(card.fee()) + " tokens, not the "
                    + TokenAmount.format(confirmedFee) + " you saw: look at the new fee and confirm again.");
        }
        return bookSlot(me, d, slot, card.fee(), why);
    }

    /**
     * Books {@code slot} with the doctor for {@code fee} without asking whether it is one of their
     * free slots: for {@link #book}, which asked, and for the demo's history, whose slots a few minutes
     * ahead are outside any hours (the contract still refuses a past or taken slot, or the wrong fee).
     */
    AppointmentView bookSlot(UserProfile me, UserProfile d, Slot slot, long fee, String why) {
        UserId doctor = d.id();
        long spendable = wallet.myBalance().spendable();
        if (spendable < fee) {
            throw new NotEnoughTokensException(fee, spendable);
        }
        String id = UUID.randomUUID().toString();
        try {
            transactions.executeWithoutResult(s -> {
                Hash reasonHash = why.isEmpty() ? null : texts.seal(me.id(), AppointmentViews.REASON_KIND, why);
                rows.insert(new AppointmentRows.Booking(id, me.id(), me.ledgerAddress(), d.id(), d.ledgerAddress(),
                        slot.start().toEpochMilli(), slot.end().toEpochMilli(), fee, true, reasonHash, null, null, null, null, false,
                        Instant.now(clock)));
                outbox.queue(AppointmentLedgerCalls.BOOK, Signer.user(me.id()), me.ledgerAddress().toString(), id,
                        AppointmentCalls.book(d.ledgerAddress(), slot.start().toEpochMilli(), slot.end().toEpochMilli(), fee, reasonHash));
            });
        } catch (DataIntegrityViolationException taken) {
            throw new SlotTakenException(nextFreeSlots(doctor, 6));
        } catch (LedgerRefusedException refused) {
            if (refused.refusal().rule().equals("appointments.slotTaken")) {
                throw new SlotTakenException(nextFreeSlots(doctor, 6));
            }
            throw refused;
        }
        return find(id);
    }

    /** The signed-in patient's appointments, upcoming and past, by start. */
    public List<AppointmentView> mine() {
        UserProfile me = me();
        ContractState state = ledger.committedStateForReading();
        return views.views(AppointmentViews.Viewer.PATIENT, state, rows.ofPatient(me.id()),
                AppointmentQueries.byPatient(state, me.ledgerAddress()), outbox.inFlightOf(Signer.user(me.id())));
    }

    /** One of the signed-in patient's appointments. */
    public AppointmentView find(String id) {
        return mine().stream().filter(v -> v.id().equals(id) || id.equals(v.chainId())).findFirst()
                .orElseThrow(() -> new NotFoundException("You have no appointment " + id));
    }

    /**
     * Cancels one of the patient's appointments: free of charge up to its cut-off (by the time of the
     * block the cancellation lands in), after it the fee goes to the doctor; never once it has started.
     *
     * @throws OperationNotAllowedException if it is not on the ledger yet, is closed, or has started
     */
    public AppointmentView cancel(String id) {
        UserProfile me = me();
        AppointmentView v = find(id);
        if (v.actionOnItsWay() != null) {
            return v;
        }
        if (!v.cancellable()) {
            throw new OperationNotAllowedException(v.chainId() == null ? "The booking is not on the ledger yet; cancel it once it is"
                    : "This appointment can no longer be cancelled: it is " + v.state().label().toLowerCase(Locale.ROOT)
                    + (v.state().holdsSlot() ? " and has started" : ""));
        }
        Hash chainId = Hash.fromHex(v.chainId());
        transactions.executeWithoutResult(s -> outbox.queue(AppointmentLedgerCalls.CANCEL, Signer.user(me.id()), v.chainId(), v.chainId(),
                AppointmentCalls.cancel(chainId)));
        return find(id);
    }

    private Slot requireFreeSlot(UserProfile d, Instant start) {
        if (start == null) {
            throw InvalidInputException.of("slot", "Choose a slot");
        }
        ZoneId zone = views.zoneOf(d);
        LocalDate day = start.atZone(zone).toLocalDate();
        List<Slot> free = slots.free(d, day, 1);
        return free.stream().filter(s -> s.start().equals(start)).findFirst().orElseThrow(() -> {
            if (slots.isOneOfTheirSlots(d, start)) {
                return new SlotTakenException(nextFreeSlots(d.id(), 6));
            }
            return InvalidInputException.of("slot", "That time is not one of " + d.fullName() + "'s free slots: choose one from the list");
        });
    }

    private static void requireFee(DoctorCard card) {
        if (!card.bookable()) {
            throw new OperationNotAllowedException(card.name() + " has not set a consultation fee yet, so they cannot be booked");
        }
    }

    private UserProfile requireDoctor(UserId id) {
        return users.find(id).filter(p -> p.role() == Role.DOCTOR && p.status() == AccountStatus.ACTIVE && p.ledgerAddress() != null)
                .orElseThrow(() -> new NotFoundException("There is no doctor " + id.value() + " to book"));
    }

    private UserProfile me() {
        UserProfile me = currentUser.require();
        if (me.ledgerAddress() == null) {
            throw new OperationNotAllowedException("Your account has no ledger address yet");
        }
        return me;
    }

    private static boolean contains(String text, String q) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(q);
    }
}
