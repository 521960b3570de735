package org.careledger.pharmacy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;

import org.careledger.common.InvalidInputException;
import org.careledger.common.NotFoundException;
import org.careledger.common.OperationNotAllowedException;
import org.careledger.contracts.Audit;
import org.careledger.contracts.ContractState;
import org.careledger.contracts.Fill;
import org.careledger.contracts.Prescription;
import org.careledger.contracts.PrescriptionCalls;
import org.careledger.contracts.PrescriptionQueries;
import org.careledger.contracts.Prescriptions;
import org.careledger.contracts.RecordCategory;
import org.careledger.crypto.Address;
import org.careledger.identity.AppRoles;
import org.careledger.identity.CurrentUser;
import org.careledger.identity.UserProfile;
import org.careledger.ledger.Hash;
import org.careledger.node.LedgerService;
import org.careledger.outbox.LedgerOutbox;
import org.careledger.outbox.LedgerReceipt;
import org.careledger.outbox.QueuedCall;
import org.careledger.outbox.Signer;
import org.careledger.provider.ProviderKind;
import org.careledger.provider.Providers;
import org.careledger.records.InvalidPatientCodeException;
import org.careledger.records.PatientCodes;
import org.careledger.registry.ProviderAccounts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The pharmacist's work: the prescriptions their pharmacy may open (sent by the patient, or scanned
 * from the patient's QR code), each read recorded on the ledger's audit under the prescription, and
 * dispensing, signed with the pharmacist's key, which raises the patient's invoice in the same
 * transaction at the price fixed now. The pharmacy's own account (held in custody by the portal)
 * reverses a fill within 24 hours. A pharmacist sees only what their pharmacy was given.
 */
@Service
@RolesAllowed(AppRoles.PHARMACIST)
public class Dispensary {

    public static final String NOT_A_CODE = "This is not the QR code of a CareLedger prescription";
    public static final String DOES_NOT_OPEN = "This QR code does not open a prescription: it is not the prescription's current code "
            + "(used, cancelled, or only its number). Ask the patient to show the code their portal shows now.";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern BATCH = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ./-]{0,39}");

    private final PrescriptionRows rows;
    private final PrescriptionViews views;
    private final MedicineCatalogue catalogue;
    private final ProviderAccounts accounts;
    private final Providers providers;
    private final LedgerService ledger;
    private final LedgerOutbox outbox;
    private final CurrentUser currentUser;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Dispensary(PrescriptionRows rows, PrescriptionViews views, MedicineCatalogue catalogue, ProviderAccounts accounts, Providers providers,
               LedgerService ledger, LedgerOutbox outbox, CurrentUser currentUser, TransactionTemplate transactions, Clock clock) {
        this.rows = rows;
        this.views = views;
        this.catalogue = catalogue;
        this.accounts = accounts;
        this.providers = providers;
        this.ledger = ledger;
        this.outbox = outbox;
        this.currentUser = currentUser;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The signed-in pharmacist and their pharmacy. */
    private record Me(UserProfile profile, long pharmacy) {
    }

    /**
     * The pharmacy's work queue: every prescription it may open, those still to dispense first, then
     * by when they were sent or scanned; without their clinical content (opening one is a read).
     */
    public List<PrescriptionView> queue() {
        Me me = me();
        ContractState state = ledger.committedStateForReading();
        return rows.openTo(me.pharmacy()).stream().map(rx -> views.view(state, rx, false))
                .sorted(Comparator.comparing((PrescriptionView v) -> !v.state().dispensable())).toList();
    }

    /** The pharmacy's name, for the page's heading. */
    public String pharmacyName() {
        return views.providerName(me().pharmacy());
    }

    /**
     * Opens the prescription in an uploaded QR code image (PNG or JPEG; the same limits and messages
     * as the doctor's patient look-up): the pharmacy may then read and dispense it. Returns its id.
     *
     * @throws InvalidPatientCodeException if the image is too large, not an image, or holds no QR code
     * @throws OperationNotAllowedException if the code does not open a prescription now
     */
    public String openScanned(byte[] image) {
        return openCode(PatientCodes.textOfUpload(image));
    }

    /**
     * Opens the prescription whose QR code text is {@code text} (a scanner typing it, or pasted):
     * the secret it carries must be the prescription's current one, checked against its hash on
     * chain, and the prescription must still be dispensable. Returns its id.
     */
    public String openCode(String text) {
        Me me = me();
        PrescriptionQr code = PrescriptionQr.parse(text).orElseThrow(() -> PrescriptionQr.namesPrescription(text)
                ? new OperationNotAllowedException(DOES_NOT_OPEN) : new InvalidPatientCodeException(NOT_A_CODE));
        PrescriptionRows.Rx rx = rows.find(code.prescriptionId()).orElseThrow(() -> new OperationNotAllowedException(DOES_NOT_OPEN));
        ContractState state = ledger.committedStateForReading();
        Prescription p = PrescriptionViews.onChain(state, rx).orElseThrow(() -> new OperationNotAllowedException(
                "This prescription is not on the ledger yet: try again in a few seconds"));
        byte[] secret = HexFormat.of().parseHex(code.secret());
        boolean current = MessageDigest.isEqual(Hash.sha256(secret).bytes(), p.secretHash().bytes());
        RxState now = views.state(state, rx);
        if (!current || !now.dispensable()) {
            throw new OperationNotAllowedException(now.dispensable() ? DOES_NOT_OPEN
                    : "This prescription is " + now.label().toLowerCase() + ": it can no longer be dispensed");
        }
        transactions.executeWithoutResult(s -> rows.allow(rx.id(), me.pharmacy(), "SCANNED", me.profile().id(), Instant.now(clock)));
        return rx.id();
    }

    /**
     * A prescription the pharmacy may open, with its clinical content, its fills and its invoices.
     * The read is recorded on the ledger's audit, under the prescription, before it is returned.
     */
    public PrescriptionView open(String prescriptionId) {
        Me me = me();
        PrescriptionRows.Rx rx = openable(me, prescriptionId);
        ContractState state = ledger.committedStateForReading();
        Prescription p = PrescriptionViews.onChain(state, rx).orElseThrow(() -> new OperationNotAllowedException(
                "This prescription is not on the ledger yet: try again in a few seconds"));
        PrescriptionView view = views.view(state, rx, true);
        long now = Instant.now(clock).toEpochMilli();
        transactions.executeWithoutResult(s -> outbox.queue(PharmacyCalls.READ, Signer.user(me.profile().id()), rx.patientAddress().toString(),
                rx.id(), Audit.access(rx.patientAddress(), rx.entryId().value(), RecordCategory.MEDICATION, p.id(), now)));
        return view;
    }

    /** Where a prescription the pharmacy may open stands now, without its content (no read): for a page's refresh. */
    public PrescriptionView status(String prescriptionId) {
        Me me = me();
        PrescriptionRows.Rx rx = openable(me, prescriptionId);
        return views.view(ledger.committedStateForReading(), rx, false);
    }

    /** The price a unit of the prescription's medicine sells at in this pharmacy now. */
    public org.careledger.common.TokenAmount unitPrice(String prescriptionId) {
        Me me = me();
        return catalogue.priceAt(me.pharmacy(), openable(me, prescriptionId).medicine());
    }

    /**
     * Dispenses {@code quantity} of the prescription from a pack of batch {@code batch} expiring on
     * {@code packExpiry}, signed with the pharmacist's key, for their pharmacy at its price now. The
     * same transaction raises the patient's invoice. Returns where the dispensing stands (pending at once).
     *
     * @throws InvalidInputException        naming the quantity, batch or expiry when wrong
     * @throws OperationNotAllowedException if the prescription may not be dispensed, or another fill of it is on its way
     * @throws org.careledger.outbox.LedgerRefusedException if the ledger's dry run refuses it (already dispensed elsewhere...)
     */
    public LedgerReceipt dispense(String prescriptionId, Long quantity, String batch, LocalDate packExpiry) {
        Me me = me();
        PrescriptionRows.Rx rx = openable(me, prescriptionId);
        ContractState state = ledger.committedStateForReading();
        Prescription p = PrescriptionViews.onChain(state, rx).orElseThrow(() -> new OperationNotAllowedException(
                "This prescription is not on the ledger yet: try again in a few seconds"));
        RxState now = views.state(state, rx);
        if (!now.dispensable()) {
            throw new OperationNotAllowedException("This prescription is " + now.label().toLowerCase() + ": it can no longer be dispensed");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        if (quantity == null || quantity < 1) {
            errors.put("quantity", "Enter the quantity dispensed, at least 1");
        } else if (quantity > p.remaining()) {
            errors.put("quantity", "At most " + p.remaining() + " is left on this prescription");
        }
        String b = batch == null ? "" : batch.strip();
        if (!BATCH.matcher(b).matches()) {
            errors.put("batch", "Enter the pack's batch number as printed: letters, digits, spaces, dots, slashes and dashes, up to 40");
        }
        LocalDate today = LocalDate.ofInstant(Instant.now(clock), ZoneOffset.UTC);
        if (packExpiry == null) {
            errors.put("packExpiry", "Enter the pack's expiry date");
        } else if (packExpiry.isBefore(today)) {
            errors.put("packExpiry", "This pack expired on " + packExpiry + ": dispense from another");
        } else if (packExpiry.isAfter(today.plusYears(10))) {
            errors.put("packExpiry", "An expiry more than ten years ahead is not plausible: check the date");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        long unitPrice = catalogue.priceAt(me.pharmacy(), rx.medicine()).baseUnits();
        try {
            Math.multiplyExact(quantity, unitPrice);
        } catch (ArithmeticException e) {
            throw InvalidInputException.of("quantity", "The total would exceed what a wallet can hold");
        }
        Address pharmacyAccount = accounts.addressOf(me.pharmacy()).orElseThrow(() -> new OperationNotAllowedException(
                "Your pharmacy's ledger account is not open yet; try again in a minute"));
        byte[] packSalt = new byte[32];
        RANDOM.nextBytes(packSalt);
        Hash presented = QrSecrets.current(HexFormat.of().parseHex(rx.qrSeed()), p.secretHash()).orElseThrow(() ->
                new OperationNotAllowedException("This prescription's QR codes are used up: it cannot be dispensed again"));
        String fillId = UUID.randomUUID().toString();
        Hash packHash = Hash.sha256(packSalt, (b + "\n" + packExpiry).getBytes(StandardCharsets.UTF_8));
        QueuedCall call = transactions.execute(s -> {
            if (!rows.reserveFill(rx.id(), presented.hex())) {
                throw new OperationNotAllowedException("Another fill of this prescription is on its way to the ledger; "
                        + "wait a few seconds and look again");
            }
            rows.insertFill(new PrescriptionRows.FillRow(fillId, rx.id(), me.pharmacy(), me.profile().id(), quantity, unitPrice, b,
                    packExpiry, HexFormat.of().formatHex(packSalt), null, null, null, Instant.now(clock)));
            return outbox.queue(PharmacyCalls.DISPENSE, Signer.user(me.profile().id()), rx.patientAddress().toString(), fillId,
                    PrescriptionCalls.dispense(p.id(), quantity, presented, presented,
                            pharmacyAccount, unitPrice, packHash));
        });
        return outbox.receipt(call);
    }

    /**
     * Reverses a fill of this pharmacy within 24 hours of its block, signed by the pharmacy's own
     * account: its invoice is cancelled, or refunded from the pharmacy's account if it was paid, and
     * the quantity may be dispensed again.
     */
    public LedgerReceipt reverse(String fillId) {
        Me me = me();
        PrescriptionRows.FillRow f = rows.fill(fillId).filter(x -> x.providerId() == me.pharmacy())
                .orElseThrow(() -> new NotFoundException("Your pharmacy has no dispensing " + fillId));
        if (f.chainId() == null) {
            throw new OperationNotAllowedException("This dispensing is not on the ledger yet");
        }
        ContractState state = ledger.committedStateForReading();
        Fill fill = PrescriptionQueries.fill(state, f.chainId()).orElseThrow(() -> new OperationNotAllowedException(
                "This dispensing is not on the ledger yet"));
        if (fill.reversed().isPresent()) {
            throw new OperationNotAllowedException("This dispensing was already reversed in block " + fill.reversed().get().height());
        }
        if (Instant.now(clock).toEpochMilli() - fill.dispensed().millis() >= Prescriptions.REVERSE_WINDOW_MILLIS) {
            throw new OperationNotAllowedException("A dispensing is reversed within 24 hours of its block; this one was in block "
                    + fill.dispensed().height());
        }
        List<QueuedCall> inFlight = outbox.inFlight(PharmacyCalls.REVERSE).stream().filter(c -> c.relatedId().equals(f.id())).toList();
        if (!inFlight.isEmpty()) {
            return inFlight.get(0).receipt();
        }
        PrescriptionRows.Rx rx = rows.require(f.prescriptionId());
        QueuedCall call = transactions.execute(s -> outbox.queue(PharmacyCalls.REVERSE, accounts.signerOf(me.pharmacy()),
                rx.patientAddress().toString(), f.id(), PrescriptionCalls.reverse(f.chainId())));
        return outbox.receipt(call);
    }

    private PrescriptionRows.Rx openable(Me me, String prescriptionId) {
        return rows.find(prescriptionId).filter(rx -> rows.allowed(rx.id(), me.pharmacy()))
                .orElseThrow(() -> new NotFoundException("Your pharmacy has not been given prescription " + prescriptionId
                        + ": scan the patient's QR code, or ask the patient to send it to your pharmacy"));
    }

    private Me me() {
        UserProfile me = currentUser.require();
        Long pharmacy = me.providerId();
        if (pharmacy == null || providers.find(pharmacy).filter(p -> p.kind() == ProviderKind.PHARMACY).isEmpty()) {
            throw new OperationNotAllowedException("Your account names no pharmacy; ask an admin to set it");
        }
        if (me.ledgerAddress() == null) {
            throw new OperationNotAllowedException("Your account has no ledger address yet");
        }
        return new Me(me, pharmacy);
    }
}
