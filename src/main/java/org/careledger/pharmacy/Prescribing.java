package org.careledger.pharmacy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;

import org.careledger.common.InvalidInputException;
import org.careledger.common.NotFoundException;
import org.careledger.common.OperationNotAllowedException;
import org.careledger.contracts.AccessRule;
import org.careledger.contracts.ContractState;
import org.careledger.contracts.Prescription;
import org.careledger.contracts.PrescriptionCalls;
import org.careledger.contracts.RecordCategory;
import org.careledger.crypto.Address;
import org.careledger.identity.AccountStatus;
import org.careledger.identity.AppRoles;
import org.careledger.identity.CurrentUser;
import org.careledger.identity.KeyCustody;
import org.careledger.identity.Role;
import org.careledger.identity.UserDirectory;
import org.careledger.identity.UserProfile;
import org.careledger.ledger.Hash;
import org.careledger.node.LedgerService;
import org.careledger.outbox.LedgerOutbox;
import org.careledger.outbox.Signer;
import org.careledger.records.ConsentRequiredException;
import org.careledger.records.PrescriptionEntries;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Prescribing, as a doctor does it from a patient's record: only while the patient's consent covers
 * MEDICATION or the doctor holds an emergency access (the contract's rule, {@link AccessRule}, read
 * here first so the doctor is told before anything is written). The draft is checked field by field,
 * then against the patient's allergies and active prescriptions; a warning stops it unless the doctor
 * types a reason. The content is sealed as a MEDICATION entry of the record, and the prescription
 * (ids, hashes, quantities, validity) is queued to the ledger signed with the doctor's key, in one
 * database transaction.
 */
@Service
@RolesAllowed(AppRoles.DOCTOR)
public class Prescribing {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long DAY = 24L * 3_600_000;

    private final PrescriptionRows rows;
    private final PrescriptionViews views;
    private final PrescriptionChecks checks;
    private final PrescriptionEntries entries;
    private final MedicineCatalogue catalogue;
    private final LedgerService ledger;
    private final LedgerOutbox outbox;
    private final CurrentUser currentUser;
    private final KeyCustody custody;
    private final UserDirectory users;
    private final TransactionTemplate transactions;
    private final PrescriptionAdvice advice;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final Clock clock;

    Prescribing(PrescriptionRows rows, PrescriptionViews views, PrescriptionChecks checks, PrescriptionEntries entries,
                MedicineCatalogue catalogue, LedgerService ledger, LedgerOutbox outbox, CurrentUser currentUser, KeyCustody custody,
                UserDirectory users, TransactionTemplate transactions, PrescriptionAdvice advice,
                org.springframework.context.ApplicationEventPublisher events, Clock clock) {
        this.rows = rows;
        this.views = views;
        this.checks = checks;
        this.entries = entries;
        this.catalogue = catalogue;
        this.ledger = ledger;
        this.outbox = outbox;
        this.currentUser = currentUser;
        this.custody = custody;
        this.users = users;
        this.transactions = transactions;
        this.advice = advice;
        this.events = events;
        this.clock = clock;
    }

    /** Whether the signed-in doctor may prescribe to the patient now (consent covering MEDICATION, or an emergency). */
    public boolean mayPrescribe(Address patient) {
        UserProfile me = me();
        return AccessRule.basis(ledger.committedStateForReading(), patient, me.ledgerAddress(), RecordCategory.MEDICATION, now(), Set.of()).isPresent();
    }

    /**
     * The warnings a prescription of {@code draft}'s medicine would raise for the patient now, without
     * writing anything: for the form to show before the doctor signs.
     */
    public List<String> warnings(Address patient, String medicine) {
        UserProfile me = me();
        UserProfile patientAccount = requirePatient(patient);
        RxNormCode code = RxNormCode.tryParse(medicine).orElseThrow(() -> InvalidInputException.of("medicine", "Choose a medicine from the catalogue"));
        ContractState state = ledger.committedStateForReading();
        requireConsent(state, patient, me);
        return checks.warnings(state, patient, me.ledgerAddress(), code, activeCodes(state, patientAccount), now());
    }

    /**
     * Decision support for the form: up to three medicines for the diagnosis ({@code indicationSystem}
     * SNOMED CT), ranked with a calibrated confidence and the evidence in words, never one that
     * conflicts with a recorded allergy or is not prescribable (those are listed as left out, with
     * the reason). Only while the doctor may prescribe to the patient; nothing is written but the
     * advice itself, for the choice to be recorded against it.
     *
     * @throws ConsentRequiredException if no grant covering MEDICATION and no emergency lets the doctor prescribe
     */
    public PrescribingAdvice advise(Address patient, String indicationSystem, String indicationCode) {
        UserProfile me = me();
        UserProfile patientAccount = requirePatient(patient);
        ContractState state = ledger.committedStateForReading();
        requireConsent(state, patient, me);
        return advice.advise(state, me, patientAccount, indicationSystem, indicationCode, activeCodes(state, patientAccount), now());
    }

    /**
     * Prescribes as {@link #prescribe(Address, PrescriptionDraft)} does, from a form that showed the
     * advice {@code adviceId}: the medicine chosen is recorded against it (taken or another).
     */
    public PrescriptionView prescribe(Address patient, PrescriptionDraft draft, String adviceId) {
        PrescriptionView written = prescribe(patient, draft);
        if (adviceId != null && !adviceId.isBlank()) {
            events.publishEvent(new PrescribedWithAdvice(adviceId, written.medicineCode()));
        }
        return written;
    }

    /**
     * Prescribes: checks the draft, the consent and the warnings, seals the content into the
     * patient's record and queues the prescription, signed by the doctor. Returns it, on its way to
     * the ledger.
     *
     * @throws InvalidInputException          naming each field that is wrong
     * @throws ConsentRequiredException       if no grant covering MEDICATION and no emergency lets the doctor prescribe
     * @throws MedicineWithdrawnException     if the medicine was withdrawn from the catalogue
     * @throws PrescriptionWarningsException  if the checks warn and the draft carries no reason to go on
     * @throws org.careledger.outbox.LedgerRefusedException if the ledger's dry run refuses it
     */
    public PrescriptionView prescribe(Address patient, PrescriptionDraft draft) {
        UserProfile me = me();
        UserProfile patientAccount = requirePatient(patient);
        PrescriptionRules.Checked d = PrescriptionRules.check(draft);
        CatalogueMedicine medicine = catalogue.requirePrescribable(d.medicine());
        ContractState state = ledger.committedStateForReading();
        requireConsent(state, patient, me);
        List<String> warnings = checks.warnings(state, patient, me.ledgerAddress(), d.medicine(), activeCodes(state, patientAccount), now());
        String reason = PrescriptionRules.oneLine(draft.overrideReason(), 500, "overrideReason", new LinkedHashMap<>());
        if (!warnings.isEmpty() && (reason == null || reason.length() < 5)) {
            throw new PrescriptionWarningsException(warnings);
        }
        PrescriptionDetails details = new PrescriptionDetails(medicine.code().value(), medicine.name(), d.dose(), d.route(), d.frequency(),
                d.durationDays(), d.quantity(), d.refills(), d.validityDays(), d.instructions(), d.indication(), warnings,
                warnings.isEmpty() ? null : reason);
        byte[] seed = new byte[32];
        RANDOM.nextBytes(seed);
        String id = UUID.randomUUID().toString();
        transactions.executeWithoutResult(s -> {
            PrescriptionEntries.Sealed sealed = entries.seal(patientAccount, me.id(), details.toContent());
            rows.insert(new PrescriptionRows.Rx(id, patientAccount.id(), patient, me.id(), sealed.entryId(), medicine.code(), null, null,
                    HexFormat.of().formatHex(seed), null, null, null, Instant.now(clock)));
            outbox.queue(PharmacyCalls.ISSUE, Signer.user(me.id()), patient.toString(), id,
                    PrescriptionCalls.issue(patient, medicine.code().value(), d.quantity(), d.refills(), d.validityDays() * DAY,
                            sealed.contentHash(), QrSecrets.initialHash(seed)));
        });
        return views.view(ledger.committedStateForReading(), rows.require(id), false);
    }

    /**
     * The prescriptions the signed-in doctor wrote for the patient, newest first, without their
     * content: once written it is part of the patient's record, read there under consent and on the
     * audit, as every entry is (the medicine and the quantities are on chain, and shown).
     */
    public List<PrescriptionView> mineFor(Address patient) {
        UserProfile me = me();
        UserProfile patientAccount = requirePatient(patient);
        ContractState state = ledger.committedStateForReading();
        List<PrescriptionView> out = new ArrayList<>();
        for (PrescriptionRows.Rx rx : rows.byPrescriberFor(me.id(), patientAccount.id())) {
            out.add(views.view(state, rx, false));
        }
        return out;
    }

    /**
     * Cancels a prescription the signed-in doctor wrote, not yet completed, with a reason (its salted
     * hash goes on chain, the text stays here).
     *
     * @throws InvalidInputException         if the reason is empty or too long
     * @throws OperationNotAllowedException  if it is not theirs, not yet on the ledger, completed or cancelled
     */
    public PrescriptionView cancel(String prescriptionId, String reason) {
        UserProfile me = me();
        PrescriptionRows.Rx rx = rows.find(prescriptionId).filter(r -> r.prescriber().equals(me.id()))
                .orElseThrow(() -> new NotFoundException("You wrote no prescription " + prescriptionId));
        Map<String, String> errors = new LinkedHashMap<>();
        String why = PrescriptionRules.oneLine(reason, 500, "reason", errors);
        if (why == null && !errors.containsKey("reason")) {
            errors.put("reason", "Give the reason for cancelling; the patient and the pharmacy will see that it was cancelled");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        ContractState state = ledger.committedStateForReading();
        Prescription p = PrescriptionViews.onChain(state, rx)
                .orElseThrow(() -> new OperationNotAllowedException("The prescription is not on the ledger yet; cancel it once it is"));
        RxState now = views.state(state, rx);
        if (now == RxState.CANCELLED || now == RxState.COMPLETED) {
            throw new OperationNotAllowedException("The prescription is " + now.label().toLowerCase() + ": it cannot be cancelled");
        }
        if (!outbox.inFlight(PharmacyCalls.CANCEL, rx.patientAddress().toString()).stream()
                .filter(c -> c.relatedId().equals(rx.id())).toList().isEmpty()) {
            return views.view(state, rx, false);
        }
        byte[] salt = new byte[32];
        RANDOM.nextBytes(salt);
        transactions.executeWithoutResult(s -> {
            rows.cancelling(rx.id(), why, HexFormat.of().formatHex(salt));
            outbox.queue(PharmacyCalls.CANCEL, Signer.user(me.id()), rx.patientAddress().toString(), rx.id(),
                    PrescriptionCalls.cancel(p.id(), Hash.sha256(salt, why.getBytes(StandardCharsets.UTF_8))));
        });
        return views.view(ledger.committedStateForReading(), rows.require(rx.id()), false);
    }

    /** The medicine codes of the patient's prescriptions still active: on chain and dispensable, or on their way. */
    private List<String> activeCodes(ContractState state, UserProfile account) {
        return rows.ofPatient(account.id()).stream().filter(rx -> views.state(state, rx).active()).map(rx -> rx.medicine().value()).toList();
    }

    private void requireConsent(ContractState state, Address patient, UserProfile me) {
        if (AccessRule.basis(state, patient, me.ledgerAddress(), RecordCategory.MEDICATION, now(), Set.of()).isEmpty()) {
            throw new ConsentRequiredException("You may prescribe only while the patient's consent covers their medication, "
                    + "or during an emergency access. Ask the patient for access to MEDICATION.");
        }
    }

    private UserProfile me() {
        UserProfile me = currentUser.require();
        if (me.ledgerAddress() == null) {
            throw new OperationNotAllowedException("Your account has no ledger address yet");
        }
        return me;
    }

    private UserProfile requirePatient(Address patient) {
        return custody.ownerOf(patient).flatMap(users::find)
                .filter(p -> p.role() == Role.PATIENT && p.status() == AccountStatus.ACTIVE)
                .orElseThrow(() -> new NotFoundException("No registered patient has the address " + patient));
    }

    private long now() {
        return Instant.now(clock).toEpochMilli();
    }
}
