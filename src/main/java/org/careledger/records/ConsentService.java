package org.careledger.records;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;

import org.careledger.common.InvalidInputException;
import org.careledger.common.NotFoundException;
import org.careledger.common.OperationNotAllowedException;
import org.careledger.contracts.AccessBasis;
import org.careledger.contracts.AccessEvent;
import org.careledger.contracts.ConsentCalls;
import org.careledger.contracts.ConsentQueries;
import org.careledger.contracts.ConsentRequest;
import org.careledger.contracts.ContractState;
import org.careledger.contracts.Emergency;
import org.careledger.contracts.Grant;
import org.careledger.contracts.Purpose;
import org.careledger.contracts.RecordCategory;
import org.careledger.contracts.RequestStatus;
import org.careledger.crypto.Address;
import org.careledger.crypto.SaltedHash;
import org.careledger.identity.AppRoles;
import org.careledger.identity.CurrentUser;
import org.careledger.identity.Role;
import org.careledger.identity.UserDirectory;
import org.careledger.identity.UserId;
import org.careledger.identity.UserProfile;
import org.careledger.inbox.Inbox;
import org.careledger.ledger.Hash;
import org.careledger.node.LedgerService;
import org.careledger.records.internal.OutboxItem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Consent in the portal: a doctor looks a patient up and asks for access; the patient grants (as
 * asked or narrower), denies or later revokes; a doctor may declare a break-glass emergency, which an
 * admin reviews. Every decision is a ledger transaction signed with the deciding user's own custody
 * key, queued durably first (see {@link LedgerOutbox}); free text is sealed off chain and only its
 * salted hash goes on chain. Each method checks its caller's role and ownership itself.
 */
@Service
public class ConsentService {

    public static final Duration MIN_DURATION = Duration.ofHours(1);
    public static final Duration MAX_DURATION = Duration.ofDays(365);
    public static final int MAX_NOTE = 1000;
    public static final int MIN_EMERGENCY_REASON = 10;

    private final LedgerService ledger;
    private final LedgerOutbox outbox;
    private final AccessPolicy policy;
    private final RecordVault vault;
    private final Parties parties;
    private final CurrentUser currentUser;
    private final UserDirectory directory;
    private final Inbox inbox;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ConsentService(LedgerService ledger, LedgerOutbox outbox, AccessPolicy policy, RecordVault vault, Parties parties,
                   CurrentUser currentUser, UserDirectory directory, Inbox inbox, TransactionTemplate transactions, Clock clock) {
        this.ledger = ledger;
        this.outbox = outbox;
        this.policy = policy;
        this.vault = vault;
        this.parties = parties;
        this.currentUser = currentUser;
        this.directory = directory;
        this.inbox = inbox;
        this.transactions = transactions;
        this.clock = clock;
    }

    // ---- doctors -------------------------------------------------------------------------------

    /** Where the signed-in doctor stands with the patient at this address; nothing else about the patient. */
    @RolesAllowed(AppRoles.DOCTOR)
    public PatientLookup lookup(Address patient) {
        UserProfile me = currentUser.require();
        Address doctor = addressOf(me);
        boolean registered = parties.activePatient(patient).isPresent();
        if (!registered) {
            return new PatientLookup(patient.toString(), false, PatientLookup.AccessState.NO_ACCESS, Set.of(), null, null);
        }
        AccessPolicy.Snapshot snapshot = policy.snapshot(patient);
        ContractState state = snapshot.state();
        long now = snapshot.nowMillis();
        Map<RecordCategory, AccessBasis> bases = policy.bases(snapshot, doctor);
        if (!bases.isEmpty()) {
            boolean emergencyOnly = bases.values().stream().allMatch(b -> b.kind() == AccessBasis.Kind.EMERGENCY);
            long until = bases.values().stream().mapToLong(AccessBasis::endMillis).max().orElse(now);
            return new PatientLookup(patient.toString(), true,
                    emergencyOnly ? PatientLookup.AccessState.EMERGENCY : PatientLookup.AccessState.GRANTED,
                    Set.copyOf(bases.keySet()), Instant.ofEpochMilli(until), null);
        }
        Optional<String> pending = ConsentQueries.requestsOf(state, patient, now).stream()
                .filter(r -> r.status() == RequestStatus.PENDING && r.request().doctor().equals(doctor))
                .map(r -> r.request().id().hex()).findFirst();
        if (pending.isEmpty() && requestInFlight(patient, me.id())) {
            pending = Optional.of("pending");
        }
        return new PatientLookup(patient.toString(), true,
                pending.isPresent() ? PatientLookup.AccessState.REQUEST_PENDING : PatientLookup.AccessState.NO_ACCESS,
                Set.of(), null, pending.orElse(null));
    }

    /**
     * Asks the patient for access. The note, if any, is sealed off chain under the patient's key.
     *
     * @throws InvalidInputException   for a missing purpose, no category, a duration out of range or too long a note
     * @throws NotFoundException       if no active patient has this address
     * @throws OperationNotAllowedException if a request of this doctor is already waiting for the patient
     */
    @RolesAllowed(AppRoles.DOCTOR)
    public LedgerReceipt requestAccess(Address patient, Purpose purpose, Set<RecordCategory> categories, Duration duration,
                                       String note) {
        UserProfile me = currentUser.require();
        Map<String, String> errors = new LinkedHashMap<>();
        if (purpose == null) {
            errors.put("purpose", "Say why you need access");
        }
        if (categories == null || categories.isEmpty()) {
            errors.put("categories", "Choose at least one kind of record");
        }
        checkDuration(duration, errors);
        String cleanNote = note == null ? "" : note.strip();
        if (cleanNote.length() > MAX_NOTE) {
            errors.put("note", "At most " + MAX_NOTE + " characters");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        UserProfile patientAccount = parties.activePatient(patient)
                .orElseThrow(() -> new NotFoundException("No registered patient has the address " + patient));
        PatientLookup where = lookup(patient);
        if (where.state() == PatientLookup.AccessState.REQUEST_PENDING) {
            throw new OperationNotAllowedException("Your earlier request is still waiting for the patient's decision");
        }
        long id = transactions.execute(s -> {
            Hash noteHash = cleanNote.isEmpty() ? null : hash(vault.sealText(patientAccount.id(), "request-note", cleanNote));
            OutboxItem item = outbox.enqueue(me.id(), OutboxItem.Kind.REQUEST, null, patient.toString(),
                    ConsentCalls.request(patient, purpose, categories, duration.toMillis(), noteHash));
            inbox.send(patientAccount.id(), "Access request from " + me.fullName(),
                    parties.of(me).describe() + " asks to see your " + RecordLabels.categories(categories) + " records for "
                            + RecordLabels.purpose(purpose) + ", for " + describe(duration) + ".", "patient/consents");
            return item.getId();
        });
        return outbox.flush(id);
    }

    /** Declares a break-glass access; waits until it is in a block, since the doctor needs it now. */
    @RolesAllowed(AppRoles.DOCTOR)
    public LedgerReceipt declareEmergency(Address patient, String reason) {
        UserProfile me = currentUser.require();
        String text = reason == null ? "" : reason.strip();
        if (text.length() < MIN_EMERGENCY_REASON) {
            throw InvalidInputException.of("reason", "Write why this is an emergency (at least " + MIN_EMERGENCY_REASON + " characters)");
        }
        if (text.length() > MAX_NOTE) {
            throw InvalidInputException.of("reason", "At most " + MAX_NOTE + " characters");
        }
        UserProfile patientAccount = parties.activePatient(patient)
                .orElseThrow(() -> new NotFoundException("No registered patient has the address " + patient));
        long id = transactions.execute(s -> {
            Hash reasonHash = hash(vault.sealText(patientAccount.id(), "emergency-reason", text));
            OutboxItem item = outbox.enqueue(me.id(), OutboxItem.Kind.EMERGENCY, null, patient.toString(),
                    ConsentCalls.emergency(patient, reasonHash));
            String body = parties.of(me).describe() + " opened " + patientAccount.fullName()
                    + "'s record in an emergency. The written reason is in the access log.";
            inbox.send(patientAccount.id(), "Emergency access to your record", body, "patient/access-log");
            directory.activeUsersWithRole(Role.ADMIN).forEach(admin ->
                    inbox.send(admin, "Emergency access to review", body, "admin/emergencies"));
            return item.getId();
        });
        LedgerReceipt receipt = outbox.flush(id);
        if (receipt.txId() != null && receipt.status() == LedgerReceipt.Status.PENDING) {
            long height = ledger.awaitCommitted(Hash.fromHex(receipt.txId()), Duration.ofSeconds(20));
            return new LedgerReceipt(receipt.txId(), LedgerReceipt.Status.COMMITTED, height, null);
        }
        return receipt;
    }

    /** The patients whose grants to the signed-in doctor are in force now, soonest ending first. */
    @RolesAllowed(AppRoles.DOCTOR)
    public List<GrantView> myPatients() {
        UserProfile me = currentUser.require();
        Address doctor = addressOf(me);
        List<GrantView> out = new ArrayList<>();
        for (UserId patientId : directory.activeUsersWithRole(Role.PATIENT)) {
            Optional<UserProfile> patient = directory.find(patientId).filter(p -> p.ledgerAddress() != null);
            if (patient.isEmpty()) {
                continue;
            }
            Address address = Address.parse(patient.get().ledgerAddress());
            AccessPolicy.Snapshot snapshot = policy.snapshot(address);
            Set<String> revoking = snapshot.revoking();
            long now = snapshot.nowMillis();
            for (Grant g : ConsentQueries.grantsOf(snapshot.state(), address)) {
                if (g.doctor().equals(doctor) && g.activeAt(now) && !revoking.contains(g.id().hex())) {
                    out.add(view(g, parties.of(patient.get()), parties.of(me), now));
                }
            }
        }
        out.sort(Comparator.comparing(GrantView::end));
        return out;
    }

    // ---- patients ------------------------------------------------------------------------------

    /** The signed-in patient's access requests, pending first, newest first. */
    @RolesAllowed(AppRoles.PATIENT)
    public List<AccessRequestView> myRequests() {
        UserProfile me = currentUser.require();
        Address patient = addressOf(me);
        long now = clock.millis();
        List<AccessRequestView> out = new ArrayList<>();
        for (ConsentQueries.RequestView r : ConsentQueries.requestsOf(ledger.committedState(), patient, now)) {
            ConsentRequest q = r.request();
            String note = q.noteHash().flatMap(h -> vault.openText(me.id(), h.hex())).orElse(null);
            LedgerReceipt decision = outbox.latest(q.id().hex(), OutboxItem.Kind.GRANT)
                    .or(() -> outbox.latest(q.id().hex(), OutboxItem.Kind.DENY)).orElse(null);
            out.add(new AccessRequestView(q.id().hex(), parties.of(q.doctor()), q.purpose(), q.categories(),
                    Duration.ofMillis(q.durationMillis()), note, Instant.ofEpochMilli(q.requestedAt()), r.status(), decision));
        }
        out.sort(Comparator.comparing((AccessRequestView v) -> v.status() != RequestStatus.PENDING)
                .thenComparing(AccessRequestView::requestedAt, Comparator.reverseOrder()));
        return out;
    }

    /**
     * Grants a pending request of the signed-in patient, over the categories and for the duration
     * given (at most what was asked).
     */
    @RolesAllowed(AppRoles.PATIENT)
    public LedgerReceipt grant(String requestId, Set<RecordCategory> categories, Duration duration) {
        UserProfile me = currentUser.require();
        ConsentRequest request = myPendingRequest(me, requestId);
        Map<String, String> errors = new LinkedHashMap<>();
        if (categories == null || categories.isEmpty()) {
            errors.put("categories", "Choose at least one kind of record to share, or deny the request");
        } else if (!request.categories().containsAll(categories)) {
            errors.put("categories", "You can share at most what was asked for: " + RecordLabels.categories(request.categories()));
        }
        checkDuration(duration, errors);
        if (duration != null && duration.toMillis() > request.durationMillis()) {
            errors.put("duration", "You can grant at most the " + describe(Duration.ofMillis(request.durationMillis())) + " asked for");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return decide(me, OutboxItem.Kind.GRANT, ConsentCalls.grant(request.id(), categories, duration.toMillis()),
                request.id(), request.doctor(), me.fullName() + " granted your request", "You may now see their " + RecordLabels.categories(categories)
                        + " records for " + describe(duration) + ".");
    }

    /** Denies a pending request; the reason, if any, is sealed off chain. */
    @RolesAllowed(AppRoles.PATIENT)
    public LedgerReceipt deny(String requestId, String reason) {
        UserProfile me = currentUser.require();
        ConsentRequest request = myPendingRequest(me, requestId);
        String text = reason == null ? "" : reason.strip();
        if (text.length() > MAX_NOTE) {
            throw InvalidInputException.of("reason", "At most " + MAX_NOTE + " characters");
        }
        long id = transactions.execute(s -> {
            Hash reasonHash = text.isEmpty() ? null : hash(vault.sealText(me.id(), "deny-reason", text));
            OutboxItem item = outbox.enqueue(me.id(), OutboxItem.Kind.DENY, request.id().hex(), request.patient().toString(),
                    ConsentCalls.deny(request.id(), reasonHash));
            notifyDoctor(request.doctor(), me.fullName() + " denied your request",
                    text.isEmpty() ? "No reason was given." : "They gave a reason, kept with their record.");
            return item.getId();
        });
        return outbox.flush(id);
    }

    /** The signed-in patient's grants: in force first, then ended, newest first. */
    @RolesAllowed(AppRoles.PATIENT)
    public List<GrantView> myGrants() {
        UserProfile me = currentUser.require();
        Address patient = addressOf(me);
        long now = clock.millis();
        Party self = parties.of(me);
        List<GrantView> out = new ArrayList<>();
        for (Grant g : ConsentQueries.grantsOf(ledger.committedState(), patient)) {
            out.add(view(g, self, parties.of(g.doctor()), now));
        }
        out.sort(Comparator.comparing((GrantView v) -> !v.active()).thenComparing(GrantView::start, Comparator.reverseOrder()));
        return out;
    }

    /**
     * Revokes one of the signed-in patient's grants. It allows nothing from this moment: the records
     * service refuses reads while the revocation waits to be mined.
     */
    @RolesAllowed(AppRoles.PATIENT)
    public LedgerReceipt revoke(String grantId) {
        UserProfile me = currentUser.require();
        Address patient = addressOf(me);
        Hash id = parseId(grantId, "grant");
        Grant grant = ConsentQueries.grantsOf(ledger.committedState(), patient).stream().filter(g -> g.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("You have no grant " + id.shortHex()));
        if (!grant.activeAt(clock.millis())) {
            throw new OperationNotAllowedException("This grant has already ended");
        }
        if (outbox.revocationsInFlight(patient).contains(id.hex())) {
            throw new OperationNotAllowedException("This grant is already being revoked");
        }
        return decide(me, OutboxItem.Kind.REVOKE, ConsentCalls.revoke(id), id, grant.doctor(),
                me.fullName() + " revoked your access", "You can no longer see their " + RecordLabels.categories(grant.categories())
                        + " records.");
    }

    /** Every read of the signed-in patient's record by someone else, newest first. */
    @RolesAllowed(AppRoles.PATIENT)
    public List<AccessEventView> whoViewedMyRecord() {
        UserProfile me = currentUser.require();
        Address patient = addressOf(me);
        ContractState state = ledger.committedState();
        List<AccessEventView> out = new ArrayList<>();
        Map<Address, Party> names = new LinkedHashMap<>();
        for (AccessEvent e : ConsentQueries.accessEventsOf(state, patient)) {
            Purpose purpose = ConsentQueries.basis(state.view(), patient, e.basisId()).flatMap(AccessBasis::purpose).orElse(null);
            out.add(new AccessEventView(Instant.ofEpochMilli(e.atMillis()), names.computeIfAbsent(e.reader(), parties::of), e.entryId(),
                    e.category(), e.basisKind() == AccessBasis.Kind.GRANT ? "Grant" : "Emergency", e.basisId().hex(), purpose,
                    Instant.ofEpochMilli(e.recordedAt()), e.txId().hex()));
        }
        out.sort(Comparator.comparing(AccessEventView::readAt).reversed());
        return out;
    }

    /** Emergency accesses to the signed-in patient's record, newest first. */
    @RolesAllowed(AppRoles.PATIENT)
    public List<EmergencyView> myEmergencies() {
        UserProfile me = currentUser.require();
        Address patient = addressOf(me);
        return ConsentQueries.emergenciesOf(ledger.committedState(), patient).stream()
                .map(e -> emergencyView(e, me.id())).sorted(Comparator.comparing(EmergencyView::start).reversed()).toList();
    }

    /**
     * The proof bundle of a consent transaction about the signed-in user (a request, grant, denial,
     * revocation or emergency access of theirs, as patient or as doctor). Empty while it is pending.
     */
    @RolesAllowed({AppRoles.PATIENT, AppRoles.DOCTOR})
    public Optional<ProofDownload> proofOf(String txId) {
        UserProfile me = currentUser.require();
        Hash id = parseId(txId, "transaction");
        OutboxItem item = outbox.byTransaction(id.hex())
                .filter(i -> i.getSignerId() == me.id().value() || i.getPatientAddress().equalsIgnoreCase(String.valueOf(me.ledgerAddress())))
                .filter(i -> PROOF_METHODS.containsKey(i.getKind()))
                .orElseThrow(() -> new NotFoundException("No consent transaction " + id.shortHex() + " of yours"));
        String method = PROOF_METHODS.get(item.getKind());
        Hash subjectId = switch (item.getKind()) {
            case REQUEST, EMERGENCY -> id;
            default -> Hash.fromHex(item.getRelatedId());
        };
        return ledger.proofOf(id, org.careledger.contracts.ProofSubjects.consent(method, subjectId))
                .map(b -> ProofDownload.of("careledger-proof-" + method + "-" + id.shortHex() + ".json", b.toJson()));
    }

    private static final Map<OutboxItem.Kind, String> PROOF_METHODS = Map.of(OutboxItem.Kind.REQUEST, "request",
            OutboxItem.Kind.GRANT, "grant", OutboxItem.Kind.DENY, "deny", OutboxItem.Kind.REVOKE, "revoke",
            OutboxItem.Kind.EMERGENCY, "emergency", OutboxItem.Kind.REVIEW, "reviewEmergency");

    // ---- admins --------------------------------------------------------------------------------

    /** Emergency accesses no admin has reviewed (and none is reviewing), oldest first. */
    @RolesAllowed(AppRoles.ADMIN)
    public List<EmergencyView> pendingEmergencyReviews() {
        List<EmergencyView> out = new ArrayList<>();
        for (Emergency e : ConsentQueries.pendingEmergencyReviews(ledger.committedState())) {
            if (outbox.latest(e.id().hex(), OutboxItem.Kind.REVIEW).filter(r -> r.status() != LedgerReceipt.Status.FAILED).isPresent()) {
                continue;
            }
            parties.account(e.patient()).ifPresent(p -> out.add(emergencyView(e, p.id())));
        }
        out.sort(Comparator.comparing(EmergencyView::start));
        return out;
    }

    /** Records an admin's verdict on an emergency access; the comment is sealed off chain. */
    @RolesAllowed(AppRoles.ADMIN)
    public LedgerReceipt reviewEmergency(String emergencyId, boolean justified, String comment) {
        UserProfile me = currentUser.require();
        Hash id = parseId(emergencyId, "emergency access");
        Emergency emergency = ConsentQueries.pendingEmergencyReviews(ledger.committedState()).stream()
                .filter(e -> e.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("No emergency access " + id.shortHex() + " is waiting for review"));
        String text = comment == null ? "" : comment.strip();
        if (!justified && text.isEmpty()) {
            throw InvalidInputException.of("comment", "Say why the access was not justified");
        }
        if (text.length() > MAX_NOTE) {
            throw InvalidInputException.of("comment", "At most " + MAX_NOTE + " characters");
        }
        UserProfile patient = parties.account(emergency.patient())
                .orElseThrow(() -> new NotFoundException("The patient of this emergency access has no account"));
        long itemId = transactions.execute(s -> {
            Hash commentHash = text.isEmpty() ? null : hash(vault.sealText(patient.id(), "review-comment", text));
            OutboxItem item = outbox.enqueue(me.id(), OutboxItem.Kind.REVIEW, id.hex(), emergency.patient().toString(),
                    ConsentCalls.reviewEmergency(id, justified, commentHash));
            notifyDoctor(emergency.doctor(), "Your emergency access was reviewed",
                    justified ? "An admin found it justified." : "An admin found it not justified.");
            return item.getId();
        });
        return outbox.flush(itemId);
    }

    /**
     * Where a transaction the signed-in user submitted through the portal stands now, so a view can
     * follow a receipt from "pending" to "committed in block N". Unknown ids give the receipt back as it was.
     */
    @RolesAllowed({AppRoles.DOCTOR, AppRoles.PATIENT, AppRoles.ADMIN})
    public LedgerReceipt refresh(LedgerReceipt receipt) {
        if (receipt == null || receipt.txId() == null) {
            return receipt;
        }
        UserProfile me = currentUser.require();
        return outbox.byTxId(receipt.txId(), me.id()).orElse(receipt);
    }

    // ---- shared --------------------------------------------------------------------------------

    /** Queues the signed-in patient's decision on {@code related} and tells its doctor, in one transaction. */
    private LedgerReceipt decide(UserProfile me, OutboxItem.Kind kind, org.careledger.ledger.ContractCall call, Hash related,
                                 Address doctor, String title, String body) {
        long id = transactions.execute(s -> {
            OutboxItem item = outbox.enqueue(me.id(), kind, related.hex(), addressOf(me).toString(), call);
            notifyDoctor(doctor, title, body);
            return item.getId();
        });
        return outbox.flush(id);
    }

    private void notifyDoctor(Address doctor, String title, String body) {
        parties.account(doctor).ifPresent(d -> inbox.send(d.id(), title, body, "doctor/patients"));
    }

    private ConsentRequest myPendingRequest(UserProfile me, String requestId) {
        Hash id = parseId(requestId, "request");
        ConsentRequest request = ConsentQueries.request(ledger.committedState(), addressOf(me), id)
                .orElseThrow(() -> new NotFoundException("You have no access request " + id.shortHex()));
        if (request.decision() != RequestStatus.PENDING) {
            throw new OperationNotAllowedException("This request was already " + request.decision().name().toLowerCase());
        }
        boolean deciding = outbox.latest(id.hex(), OutboxItem.Kind.GRANT).or(() -> outbox.latest(id.hex(), OutboxItem.Kind.DENY))
                .filter(r -> r.status() != LedgerReceipt.Status.FAILED).isPresent();
        if (deciding) {
            throw new OperationNotAllowedException("Your decision on this request is already on its way to the ledger");
        }
        return request;
    }

    private GrantView view(Grant g, Party patient, Party doctor, long now) {
        LedgerReceipt revocation = outbox.latest(g.id().hex(), OutboxItem.Kind.REVOKE).orElse(null);
        boolean revoking = revocation != null && revocation.status() != LedgerReceipt.Status.FAILED;
        long end = g.revokedAt().isPresent() ? Math.min(g.endMillis(), g.revokedAt().getAsLong()) : g.endMillis();
        return new GrantView(g.id().hex(), patient, doctor, g.purpose(), g.categories(), Instant.ofEpochMilli(g.startMillis()),
                Instant.ofEpochMilli(end), g.activeAt(now) && !revoking, revocation);
    }

    private EmergencyView emergencyView(Emergency e, UserId patient) {
        String reason = vault.openText(patient, e.reasonHash().hex()).orElse("(the reason is not held by this portal)");
        Boolean justified = e.review().map(Emergency.Review::justified).orElse(null);
        Party reviewer = e.review().map(r -> parties.of(r.reviewer())).orElse(null);
        String comment = e.review().flatMap(Emergency.Review::commentHash).flatMap(h -> vault.openText(patient, h.hex())).orElse(null);
        return new EmergencyView(e.id().hex(), parties.of(e.patient()), parties.of(e.doctor()), reason,
                Instant.ofEpochMilli(e.startMillis()), Instant.ofEpochMilli(e.endMillis()), e.reviewPending(), justified, reviewer, comment);
    }

    private boolean requestInFlight(Address patient, UserId doctor) {
        return outbox.ofPatient(patient, OutboxItem.Kind.REQUEST).stream()
                .anyMatch(i -> i.getSignerId() == doctor.value()
                        && (i.getStatus() == OutboxItem.Status.QUEUED || i.getStatus() == OutboxItem.Status.PENDING));
    }

    private static void checkDuration(Duration duration, Map<String, String> errors) {
        if (duration == null) {
            errors.put("duration", "Choose how long");
        } else if (duration.compareTo(MIN_DURATION) < 0 || duration.compareTo(MAX_DURATION) > 0) {
            errors.put("duration", "Between 1 hour and 365 days");
        }
    }

    static Address addressOf(UserProfile user) {
        if (user.ledgerAddress() == null) {
            throw new OperationNotAllowedException("Your account has no ledger address yet");
        }
        return Address.parse(user.ledgerAddress());
    }

    static Hash parseId(String id, String what) {
        try {
            return Hash.fromHex(id == null ? "" : id.strip());
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("No such " + what + ": " + id);
        }
    }

    private static Hash hash(SaltedHash salted) {
        return Hash.wrap(salted.bytes());
    }

    static String describe(Duration d) {
        if (d.toDays() >= 1 && d.toHours() % 24 == 0) {
            return d.toDays() == 1 ? "1 day" : d.toDays() + " days";
        }
        return d.toHours() == 1 ? "1 hour" : d.toHours() + " hours";
    }
}
