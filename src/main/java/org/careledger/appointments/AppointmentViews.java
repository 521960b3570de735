package org.careledger.appointments;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.careledger.contracts.Appointment;
import org.careledger.contracts.AppointmentQueries;
import org.careledger.contracts.ContractState;
import org.careledger.crypto.Address;
import org.careledger.identity.KeyCustody;
import org.careledger.identity.UserDirectory;
import org.careledger.identity.UserId;
import org.careledger.identity.UserProfile;
import org.careledger.ledger.Hash;
import org.careledger.node.LedgerService;
import org.careledger.outbox.CallKind;
import org.careledger.outbox.QueuedCall;
import org.careledger.provider.ProviderView;
import org.careledger.provider.Providers;
import org.careledger.records.PrivateTexts;
import org.springframework.stereotype.Component;

/**
 * Builds what the appointment pages show from the chain and the portal's rows: a booking made here
 * and not yet mined shows as on its way; one the chain holds, as the chain says; one another portal
 * booked (the chain has it, this portal has no row) too, without a reason. Who sees what is the
 * caller's business: {@link Viewer} says whose eyes the view is for.
 */
@Component
class AppointmentViews {

    /** How long before the cut-off a cancellation is no longer sure to reach a block in time: the page warns from then on. */
    static final long CANCELLATION_MARGIN_MILLIS = 5 * 60_000;
    static final String REASON_KIND = "appointment-reason";
    static final String DECLINE_KIND = "appointment-decline";

    enum Viewer { PATIENT, DOCTOR, ADMIN }

    private final AppointmentRows rows;
    private final LedgerService ledger;
    private final KeyCustody custody;
    private final UserDirectory users;
    private final Providers providers;
    private final PrivateTexts texts;
    private final Clock clock;

    AppointmentViews(AppointmentRows rows, LedgerService ledger, KeyCustody custody, UserDirectory users, Providers providers,
                     PrivateTexts texts, Clock clock) {
        this.rows = rows;
        this.ledger = ledger;
        this.custody = custody;
        this.users = users;
        this.providers = providers;
        this.texts = texts;
        this.clock = clock;
    }

    Optional<Appointment> onChain(Hash id) {
        return AppointmentQueries.appointment(ledger.committedStateForReading(), id);
    }

    Optional<UserId> userAt(Address address) {
        return custody.ownerOf(address);
    }

    String nameAt(Address address) {
        return custody.ownerOf(address).flatMap(users::find).map(UserProfile::fullName).orElse(address.toString());
    }

    /** The install's zone, for providers that set none. */
    ZoneId installZone() {
        return clock.getZone();
    }

    Optional<ProviderView> providerOf(UserProfile doctor) {
        return doctor.providerId() == null ? Optional.empty() : providers.find(doctor.providerId());
    }

    ZoneId zoneOf(UserProfile doctor) {
        return providerOf(doctor).map(p -> p.zoneOr(installZone())).orElse(installZone());
    }

    DoctorCard card(ContractState state, UserProfile doctor) {
        Optional<ProviderView> provider = providerOf(doctor);
        Long fee = doctor.ledgerAddress() == null ? null : boxed(AppointmentQueries.feeOf(state, doctor.ledgerAddress()));
        long cutoff = doctor.ledgerAddress() == null ? org.careledger.contracts.Appointments.DEFAULT_CUTOFF_MILLIS : cutoffOf(state, doctor);
        return new DoctorCard(doctor.id(), doctor.fullName(), doctor.specialty(), doctor.providerId(),
                provider.map(ProviderView::name).orElse(null), zoneOf(doctor), fee, cutoff);
    }

    /** The cut-off a booking with the doctor would carry now: their provider's on chain, else the contract's default. */
    long cutoffOf(ContractState state, UserProfile doctor) {
        return org.careledger.contracts.Registry.affiliationOf(state.view(), doctor.ledgerAddress())
                .map(p -> AppointmentQueries.termsOf(state, p).cutoffMillis())
                .orElse(org.careledger.contracts.Appointments.DEFAULT_CUTOFF_MILLIS);
    }

    private static Long boxed(java.util.OptionalLong value) {
        return value.isPresent() ? value.getAsLong() : null;
    }

    /**
     * The views of {@code bookings} made here and of {@code chainOnes} on chain (either may hold the
     * same appointment: a row's chain id joins them), by start; {@code inFlight} are the viewer's own
     * calls still on their way, to tell which action is pending.
     */
    List<AppointmentView> views(Viewer viewer, ContractState state, List<AppointmentRows.Booking> bookings, List<Appointment> chainOnes,
                                List<QueuedCall> inFlight) {
        Map<String, String> pending = new HashMap<>();
        for (QueuedCall c : inFlight) {
            if (c.kind().module().equals("appointments") && c.relatedId() != null) {
                pending.put(c.relatedId(), actionName(c.kind()));
            }
        }
        Map<Hash, Appointment> byId = new HashMap<>();
        chainOnes.forEach(a -> byId.put(a.id(), a));
        Set<Hash> shown = new HashSet<>();
        Map<UserId, Optional<UserProfile>> people = new HashMap<>();
        List<AppointmentView> out = new ArrayList<>();
        for (AppointmentRows.Booking b : bookings) {
            Appointment a = b.chainId() == null ? null : byId.computeIfAbsent(b.chainId(), id -> AppointmentQueries.appointment(state, id).orElse(null));
            if (b.chainId() != null) {
                shown.add(b.chainId());
            }
            out.add(view(viewer, b, a, pending, people));
        }
        for (Appointment a : chainOnes) {
            if (!shown.contains(a.id())) {
                out.add(view(viewer, null, a, pending, people));
            }
        }
        out.sort(Comparator.comparing(AppointmentView::start).thenComparing(AppointmentView::id));
        return out;
    }

    private AppointmentView view(Viewer viewer, AppointmentRows.Booking b, Appointment a, Map<String, String> pending,
                                 Map<UserId, Optional<UserProfile>> people) {
        Optional<UserId> patientId = b != null ? Optional.of(b.patient()) : custody.ownerOf(a.patient());
        Optional<UserId> doctorId = b != null ? Optional.of(b.doctor()) : custody.ownerOf(a.doctor());
        Optional<UserProfile> patient = patientId.flatMap(id -> people.computeIfAbsent(id, users::find));
        Optional<UserProfile> doctor = doctorId.flatMap(id -> people.computeIfAbsent(id, users::find));
        Address patientAddress = a != null ? a.patient() : b.patientAddress();
        String chainId = a != null ? a.id().hex() : b != null && b.chainId() != null ? b.chainId().hex() : null;
        AppointmentState state = stateOf(b, a);
        long start = a != null ? a.start() : b.start();
        long end = a != null ? a.end() : b.end();
        long fee = a != null ? a.fee() : b.fee();
        long cutoff = a != null ? a.cutoffMillis() : doctor.map(d -> cutoffOf(ledger.committedStateForReading(), d))
                .orElse(org.careledger.contracts.Appointments.DEFAULT_CUTOFF_MILLIS);
        Instant freeUntil = Instant.ofEpochMilli(start - cutoff);
        String action = chainId == null ? null : pending.get(chainId);
        long now = Instant.now(clock).toEpochMilli();
        boolean settled = action == null && a != null;
        boolean active = a != null && a.state().active();
        String reason = null;
        if (viewer != Viewer.ADMIN && patientId.isPresent()) {
            Hash reasonHash = a != null ? a.reasonHash().orElse(null) : b.reasonHash();
            reason = reasonHash == null ? null : texts.open(patientId.get(), reasonHash).orElse(null);
        }
        String declineReason = viewer == Viewer.ADMIN || b == null ? null : b.declineReason();
        Optional<ProviderView> provider = doctor.flatMap(this::providerOf);
        return new AppointmentView(b != null ? b.id() : chainId, chainId, patientId.orElse(null),
                patient.map(UserProfile::fullName).orElse(patientAddress.toString()), patientAddress.toString(), doctorId.orElse(null),
                doctor.map(UserProfile::fullName).orElse(a != null ? a.doctor().toString() : ""), doctor.map(UserProfile::specialty).orElse(null),
                provider.map(ProviderView::name).orElse(null), Instant.ofEpochMilli(start), Instant.ofEpochMilli(end),
                doctor.map(this::zoneOf).orElse(installZone()), fee, state,
                a != null ? Long.valueOf(a.booked().height()) : b.bookedBlock(), reason, declineReason, freeUntil, b != null ? b.refused() : null, action,
                viewer == Viewer.PATIENT && settled && active && now < start,
                now > start - cutoff - CANCELLATION_MARGIN_MILLIS,
                viewer == Viewer.DOCTOR && settled && a.state() == org.careledger.contracts.AppointmentStatus.BOOKED && now < end,
                viewer == Viewer.DOCTOR && settled && active,
                viewer == Viewer.DOCTOR && settled && active && now >= start);
    }

    static AppointmentState stateOf(AppointmentRows.Booking b, Appointment a) {
        if (a == null) {
            return b.refused() != null ? AppointmentState.REFUSED : AppointmentState.ON_ITS_WAY;
        }
        return AppointmentState.valueOf(a.state().name());
    }

    private static String actionName(CallKind kind) {
        return switch (kind.name()) {
            case "confirm" -> "Confirmation";
            case "decline" -> "Decline";
            case "cancel" -> "Cancellation";
            case "complete" -> "Completion";
            case "noshow" -> "No-show";
            default -> "Booking";
        };
    }
}
