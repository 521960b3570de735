package org.careledger.pharmacy;

import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;

import org.careledger.common.NotFoundException;
import org.careledger.common.OperationNotAllowedException;
import org.careledger.contracts.ContractState;
import org.careledger.contracts.Prescription;
import org.careledger.identity.AppRoles;
import org.careledger.identity.CurrentUser;
import org.careledger.identity.PatientQrCodes;
import org.careledger.identity.UserProfile;
import org.careledger.ledger.Hash;
import org.careledger.node.LedgerService;
import org.careledger.provider.ProviderKind;
import org.careledger.provider.ProviderView;
import org.careledger.provider.Providers;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A patient's prescriptions: every one written for them with its state, content and fills (their
 * own record, so not audited); the QR code to show at any pharmacy while it may be dispensed; and
 * "send to pharmacy", which lets that one pharmacy open and dispense it.
 */
@Service
@RolesAllowed(AppRoles.PATIENT)
public class PatientPrescriptions {

    private final PrescriptionRows rows;
    private final PrescriptionViews views;
    private final LedgerService ledger;
    private final Providers providers;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    PatientPrescriptions(PrescriptionRows rows, PrescriptionViews views, LedgerService ledger, Providers providers, CurrentUser currentUser,
                         ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock) {
        this.rows = rows;
        this.views = views;
        this.ledger = ledger;
        this.providers = providers;
        this.currentUser = currentUser;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Every prescription written for the signed-in patient, newest first, with its content once it is on the ledger. */
    public List<PrescriptionView> mine() {
        UserProfile me = currentUser.require();
        ContractState state = ledger.committedStateForReading();
        return rows.ofPatient(me.id()).stream().map(rx -> views.view(state, rx, rx.refused() == null && rx.onChain())).toList();
    }

    /**
     * The QR code of one of the patient's prescriptions, to show at a pharmacy: its text and a PNG.
     *
     * @throws OperationNotAllowedException if it may not be dispensed now (not yet on the ledger, cancelled, completed, expired)
     */
    public Qr qr(String prescriptionId) {
        PrescriptionRows.Rx rx = mineOrFail(prescriptionId);
        RxState state = views.state(ledger.committedStateForReading(), rx);
        if (!state.dispensable()) {
            throw new OperationNotAllowedException(state == RxState.ON_ITS_WAY
                    ? "The prescription is on its way to the ledger: its QR code is shown once it is in a block, in a few seconds"
                    : "The prescription is " + state.label().toLowerCase() + ": it has no QR code to show");
        }
        Prescription p = PrescriptionViews.onChain(ledger.committedStateForReading(), rx).orElseThrow();
        Hash secret = QrSecrets.current(HexFormat.of().parseHex(rx.qrSeed()), p.secretHash()).orElseThrow(() ->
                new OperationNotAllowedException("This prescription has been filled " + QrSecrets.LENGTH
                        + " times, the most one QR code chain serves: ask your prescriber for a new prescription"));
        String payload = new PrescriptionQr(rx.id(), secret.hex()).payload();
        return new Qr(payload, PatientQrCodes.png(payload));
    }

    /** A prescription's QR code: the text it carries, and its image. */
    public record Qr(String payload, byte[] png) {
    }

    /** The pharmacies a prescription may be sent to, by name. */
    public List<ProviderView> pharmacies() {
        currentUser.require();
        return providers.ofKind(ProviderKind.PHARMACY);
    }

    /**
     * Sends one of the patient's prescriptions to pharmacy {@code pharmacyId}: its pharmacists may
     * then open and dispense it without the QR code. Sending it again to the same pharmacy changes
     * nothing.
     */
    public PrescriptionView sendTo(String prescriptionId, long pharmacyId) {
        UserProfile me = currentUser.require();
        PrescriptionRows.Rx rx = mineOrFail(prescriptionId);
        ProviderView pharmacy = providers.find(pharmacyId).filter(p -> p.kind() == ProviderKind.PHARMACY)
                .orElseThrow(() -> new NotFoundException("There is no pharmacy " + pharmacyId));
        ContractState state = ledger.committedStateForReading();
        RxState now = views.state(state, rx);
        if (!now.dispensable()) {
            throw new OperationNotAllowedException("The prescription is " + now.label().toLowerCase() + ": it cannot be sent to a pharmacy");
        }
        transactions.executeWithoutResult(s -> {
            if (!rows.allowed(rx.id(), pharmacy.id())) {
                rows.allow(rx.id(), pharmacy.id(), "SENT", me.id(), Instant.now(clock));
                events.publishEvent(new PrescriptionSent(rx.id(), me.id(), pharmacy.id(), views.medicineName(rx.medicine())));
            }
        });
        return views.view(ledger.committedStateForReading(), rx, true);
    }

    private PrescriptionRows.Rx mineOrFail(String id) {
        UserProfile me = currentUser.require();
        return rows.find(id).filter(rx -> rx.patient().equals(me.id()))
                .orElseThrow(() -> new NotFoundException("You have no prescription " + id));
    }
}
