package org.careledger.appointments;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;

import org.careledger.common.InvalidInputException;
import org.careledger.common.NotFoundException;
import org.careledger.common.OperationNotAllowedException;
import org.careledger.common.TokenAmount;
import org.careledger.contracts.AppointmentCalls;
import org.careledger.contracts.AppointmentQueries;
import org.careledger.contracts.Appointments;
import org.careledger.contracts.ContractState;
import org.careledger.identity.AppRoles;
import org.careledger.identity.Role;
import org.careledger.identity.UserDirectory;
import org.careledger.identity.UserProfile;
import org.careledger.node.LedgerService;
import org.careledger.outbox.LedgerOutbox;
import org.careledger.provider.ProviderKind;
import org.careledger.provider.ProviderView;
import org.careledger.provider.Providers;
import org.careledger.registry.ProviderAccounts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The admins' side of appointments: each hospital's day across its doctors, and its terms: the default
 * fee of doctors who set none and the patients' free cancellation cut-off (signed by the hospital's
 * own ledger account, so the contract applies them), and its time zone.
 */
@Service
@RolesAllowed(AppRoles.ADMIN)
public class AppointmentAdministration {

    public static final int MAX_CUTOFF_HOURS = (int) (Appointments.MAX_CUTOFF_MILLIS / 3_600_000);

    private final AppointmentRows rows;
    private final AppointmentViews views;
    private final Providers providers;
    private final ProviderAccounts accounts;
    private final UserDirectory users;
    private final LedgerService ledger;
    private final LedgerOutbox outbox;
    private final TransactionTemplate transactions;

    AppointmentAdministration(AppointmentRows rows, AppointmentViews views, Providers providers, ProviderAccounts accounts,
                              UserDirectory users, LedgerService ledger, LedgerOutbox outbox, TransactionTemplate transactions) {
        this.rows = rows;
        this.views = views;
        this.providers = providers;
        this.accounts = accounts;
        this.users = users;
        this.ledger = ledger;
        this.outbox = outbox;
        this.transactions = transactions;
    }

    /** Every hospital's terms, by name. */
    public List<ProviderTerms> hospitals() {
        ContractState state = ledger.committedStateForReading();
        return providers.ofKind(ProviderKind.HOSPITAL).stream().map(p -> terms(state, p)).toList();
    }

    /**
     * Sets a hospital's default fee (tokens; blank keeps none), cancellation cut-off (0 to
     * {@value #MAX_CUTOFF_HOURS} hours) and time zone. The fee and cut-off go to the ledger signed by the
     * hospital's account; bookings already made keep the cut-off they were made with.
     *
     * @throws InvalidInputException naming each field that is wrong
     * @throws OperationNotAllowedException if the hospital has no ledger account yet
     */
    public ProviderTerms setTerms(long providerId, String defaultFeeTokens, int cutoffHours, String timeZone) {
        ProviderView p = providers.find(providerId).filter(v -> v.kind() == ProviderKind.HOSPITAL)
                .orElseThrow(() -> new NotFoundException("There is no hospital " + providerId));
        java.util.Map<String, String> errors = new java.util.LinkedHashMap<>();
        Long fee = null;
        if (defaultFeeTokens != null && !defaultFeeTokens.isBlank()) {
            try {
                fee = TokenAmount.parse(defaultFeeTokens, "defaultFee").baseUnits();
            } catch (InvalidInputException e) {
                errors.putAll(e.fieldErrors());
            }
        }
        if (cutoffHours < 0 || cutoffHours > MAX_CUTOFF_HOURS) {
            errors.put("cutoff", "A cut-off is 0 to " + MAX_CUTOFF_HOURS + " hours before the appointment");
        }
        if (timeZone != null && !timeZone.isBlank() && !ZoneId.getAvailableZoneIds().contains(timeZone.strip())) {
            errors.put("timeZone", "Choose a time zone from the list, such as Europe/Berlin");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (accounts.addressOf(providerId).isEmpty()) {
            throw new OperationNotAllowedException(p.name() + " has no ledger account yet; try again in a moment");
        }
        ContractState state = ledger.committedStateForReading();
        ProviderTerms now = terms(state, p);
        long cutoff = cutoffHours * 3_600_000L;
        Long newFee = fee != null ? fee : now.defaultFee();
        if (newFee == null && cutoff != now.cutoffMillis()) {
            throw InvalidInputException.of("defaultFee", "Set a default fee with the cut-off");
        }
        if (timeZone != null && !timeZone.isBlank() && !timeZone.strip().equals(p.timeZone())) {
            providers.setTimeZone(providerId, timeZone.strip());
        }
        if (newFee != null && (!newFee.equals(now.defaultFee()) || cutoff != now.cutoffMillis())) {
            transactions.executeWithoutResult(s -> outbox.queue(AppointmentLedgerCalls.TERMS, accounts.signerOf(providerId),
                    Long.toString(providerId), Long.toString(providerId), AppointmentCalls.setTerms(newFee, cutoff)));
        }
        return terms(ledger.committedStateForReading(), providers.find(providerId).orElseThrow());
    }

    /** The hospital's appointments on {@code date} in its zone, across its doctors, by start; no reasons. */
    public List<AppointmentView> day(long providerId, LocalDate date) {
        ProviderView p = providers.find(providerId).orElseThrow(() -> new NotFoundException("There is no provider " + providerId));
        ZoneId zone = p.zoneOr(views.installZone());
        long from = date.atStartOfDay(zone).toInstant().toEpochMilli();
        long to = date.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        ContractState state = ledger.committedStateForReading();
        List<AppointmentView> out = new ArrayList<>();
        for (UserProfile d : users.activeProfilesWithRole(Role.DOCTOR)) {
            if (d.providerId() != null && d.providerId() == providerId && d.ledgerAddress() != null) {
                out.addAll(views.views(AppointmentViews.Viewer.ADMIN, state, rows.ofDoctor(d.id(), from, to),
                        AppointmentQueries.byDoctor(state, d.ledgerAddress(), from, to), List.of()));
            }
        }
        out.removeIf(v -> v.state() == AppointmentState.REFUSED);
        out.sort(java.util.Comparator.comparing(AppointmentView::start));
        return out;
    }

    private ProviderTerms terms(ContractState state, ProviderView p) {
        var address = accounts.addressOf(p.id());
        AppointmentQueries.Terms t = address.map(a -> AppointmentQueries.termsOf(state, a))
                .orElse(new AppointmentQueries.Terms(java.util.OptionalLong.empty(), Appointments.DEFAULT_CUTOFF_MILLIS));
        boolean onItsWay = !outbox.inFlight(AppointmentLedgerCalls.TERMS, Long.toString(p.id())).isEmpty();
        return new ProviderTerms(p.id(), p.name(), t.defaultFee().isPresent() ? t.defaultFee().getAsLong() : null, t.cutoffMillis(),
                p.timeZone(), onItsWay);
    }
}
