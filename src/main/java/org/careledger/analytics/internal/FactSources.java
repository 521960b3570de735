package org.careledger.analytics.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.careledger.contracts.Anchors;
import org.careledger.contracts.AppointmentQueries;
import org.careledger.contracts.Appointments;
import org.careledger.contracts.Consent;
import org.careledger.contracts.ConsentQueries;
import org.careledger.contracts.ConsentRequest;
import org.careledger.contracts.Emergency;
import org.careledger.contracts.Grant;
import org.careledger.contracts.ContractState;
import org.careledger.contracts.Prescription;
import org.careledger.contracts.PrescriptionQueries;
import org.careledger.contracts.Prescriptions;
import org.careledger.contracts.RecordCategory;
import org.careledger.crypto.Address;
import org.careledger.identity.KeyCustody;
import org.careledger.identity.UserDirectory;
import org.careledger.identity.UserId;
import org.careledger.identity.UserProfile;
import org.careledger.ledger.Arg;
import org.careledger.node.TransactionCommitted;
import org.careledger.records.ClinicalFacts;
import org.springframework.stereotype.Component;

/**
 * What each committed transaction adds to the figures: a diagnosis anchored (its first version) is a
 * new diagnosis of its condition on its clinical date; a prescription issued, dispensed or cancelled
 * is a prescription event of its medicine on the block's day. A fact's scope is the provider of the
 * doctor who wrote or prescribed it. Keys outside a figure's top keys count as {@link HistoryCells#OTHER},
 * the top keys being those of the bundled history, so the portal's cells add to the history's.
 */
@Component
public class FactSources {

    private final ClinicalFacts clinical;
    private final KeyCustody custody;
    private final UserDirectory users;
    private final CubeCache cubes;

    FactSources(ClinicalFacts clinical, KeyCustody custody, UserDirectory users, CubeCache cubes) {
        this.clinical = clinical;
        this.custody = custody;
        this.users = users;
        this.cubes = cubes;
    }

    List<Fact> of(TransactionCommitted tx, Instant blockTime, ContractState state) {
        LocalDate day = blockTime.atZone(ZoneOffset.UTC).toLocalDate();
        List<Fact> out = new ArrayList<>();
        List<Arg> args = tx.call().args();
        String txId = tx.transactionId().hex();
        if (tx.contract().equals(Anchors.NAME) && tx.method().equals("anchor") && args.size() >= 4
                && args.get(3) instanceof Arg.Text category && category.value().equals(RecordCategory.DIAGNOSIS.name())
                && args.get(0) instanceof Arg.Addr patient && args.get(1) instanceof Arg.Text entry && args.get(2) instanceof Arg.U64 version
                && version.value() == 1) {
            clinical.diagnosis(entry.value(), version.value()).ifPresent(d -> withDoctor(out, new Fact(txId, HistoryCells.DIAGNOSES,
                    List.of(keyOf(HistoryCells.DIAGNOSES, 0, d.code())), d.clinicalDate() == null ? day : d.clinicalDate(),
                    scopeOf(d.author()), patient.value().toLowerHex(), tx.height()), d.author()));
        } else if (tx.contract().equals(Consent.NAME)) {
            consentFact(txId, tx, day, state).ifPresent(f -> withDoctor(out, f.fact(), f.doctor()));
        } else if (tx.contract().equals(Appointments.NAME)) {
            appointmentFact(txId, tx, day, state).ifPresent(f -> withDoctor(out, f.fact(), f.doctor()));
        } else if (tx.contract().equals(Prescriptions.NAME)) {
            switch (tx.method()) {
                case "issue" -> {
                    if (args.size() >= 2 && args.get(0) instanceof Arg.Addr patient && args.get(1) instanceof Arg.Text medicine) {
                        withDoctor(out, prescriptionFact(txId, "issued", medicine.value(), day, tx.sender(), patient.value(), tx.height()),
                                custody.ownerOf(tx.sender()).orElse(null));
                    }
                }
                case "dispense", "cancel" -> {
                    if (!args.isEmpty() && args.get(0) instanceof Arg.Digest id) {
                        Optional<Prescription> p = PrescriptionQueries.prescription(state, id.value());
                        boolean dispensed = tx.method().equals("dispense");
                        p.ifPresent(rx -> withDoctor(out, new Fact(txId, HistoryCells.PRESCRIPTIONS, dispensed
                                        ? List.of(DISPENSED, pharmacyOf(tx.sender())) : HistoryCells.prescriptionKey("cancelled", rx.medicineCode()),
                                day, scopeOf(custody.ownerOf(rx.prescriber()).orElse(null)), rx.patient().toLowerHex(), tx.height()),
                                custody.ownerOf(rx.prescriber()).orElse(null)));
                    }
                }
                default -> {
                    // a reversal undoes a fill; the figure counts dispensing events as they happened
                }
            }
        }
        return out;
    }

    /** A consent request, its grant, denial or revocation, an emergency access or its review; by the doctor's provider. */
    /** A fact and the doctor it concerns (a consent's, an appointment's). */
    private record ConsentFact(Fact fact, UserId doctor) {
    }

    /**
     * Adds the fact, and the same fact counted for its doctor ({@link #FOR_DOCTORS} figure, scope
     * {@code doctor:<id>}), so a doctor's own figures are counts like the hospital's.
     */
    private static void withDoctor(List<Fact> out, Fact fact, UserId doctor) {
        out.add(fact);
        if (doctor != null) {
            out.add(new Fact(fact.txId(), fact.figure() + FOR_DOCTORS, fact.key(), fact.day(), doctorScope(doctor), fact.patientRef(),
                    fact.height()));
        }
    }

    /** The suffix of a figure counted per doctor. */
    public static final String FOR_DOCTORS = ".doctor";

    public static String doctorScope(UserId doctor) {
        return "doctor:" + doctor.value();
    }

    private Optional<ConsentFact> consentFact(String txId, TransactionCommitted tx, LocalDate day, ContractState state) {
        List<Arg> args = tx.call().args();
        Address sender = tx.sender();
        String outcome;
        Address patient;
        Address doctor;
        switch (tx.method()) {
            case "request", "emergency" -> {
                if (args.isEmpty() || !(args.get(0) instanceof Arg.Addr p)) {
                    return Optional.empty();
                }
                outcome = tx.method().equals("request") ? CONSENT_REQUESTED : EMERGENCY_DECLARED;
                patient = p.value();
                doctor = sender;
            }
            case "grant", "deny" -> {
                if (args.isEmpty() || !(args.get(0) instanceof Arg.Digest id)) {
                    return Optional.empty();
                }
                Optional<ConsentRequest> request = ConsentQueries.request(state, sender, id.value());
                if (request.isEmpty()) {
                    return Optional.empty();
                }
                outcome = tx.method().equals("grant") ? CONSENT_GRANTED : CONSENT_DENIED;
                patient = sender;
                doctor = request.get().doctor();
            }
            case "revoke" -> {
                if (args.isEmpty() || !(args.get(0) instanceof Arg.Digest id)) {
                    return Optional.empty();
                }
                Optional<Grant> grant = ConsentQueries.grantsOf(state, sender).stream().filter(g -> g.id().equals(id.value())).findFirst();
                if (grant.isEmpty()) {
                    return Optional.empty();
                }
                outcome = CONSENT_REVOKED;
                patient = sender;
                doctor = grant.get().doctor();
            }
            case "reviewEmergency" -> {
                if (args.size() < 2 || !(args.get(0) instanceof Arg.Digest id) || !(args.get(1) instanceof Arg.Flag justified)) {
                    return Optional.empty();
                }
                Optional<Address> owner = ConsentQueries.patientOf(state, id.value());
                Optional<Emergency> emergency = owner.flatMap(p -> ConsentQueries.emergenciesOf(state, p).stream()
                        .filter(e -> e.id().equals(id.value())).findFirst());
                if (emergency.isEmpty()) {
                    return Optional.empty();
                }
                outcome = justified.value() ? EMERGENCY_JUSTIFIED : EMERGENCY_UNJUSTIFIED;
                patient = owner.get();
                doctor = emergency.get().doctor();
            }
            default -> {
                return Optional.empty();
            }
        }
        UserId doctorId = custody.ownerOf(doctor).orElse(null);
        return Optional.of(new ConsentFact(new Fact(txId, CONSENTS, List.of(outcome), day, scopeOf(doctorId), patient.toLowerHex(),
                tx.height()), doctorId));
    }

    static final String CONSENTS = "consents";
    /** The prescription a transaction issued, to count when it expires. */
    Optional<Expiries.Expiry> expiryOf(TransactionCommitted tx, ContractState state) {
        if (!tx.contract().equals(Prescriptions.NAME) || !tx.method().equals("issue")) {
            return Optional.empty();
        }
        return PrescriptionQueries.prescription(state, tx.transactionId())
                .map(rx -> new Expiries.Expiry(rx.id().hex(), Instant.ofEpochMilli(rx.expiresAt()), tx.height()));
    }

    /**
     * The "expired" facts of prescriptions whose expiry a step of blocks passed (the last at {@code height}):
     * those neither dispensed in full nor cancelled by then, on the day they expired, at the prescriber's
     * provider. An expiry is not a transaction, so its fact is keyed by a hash of the prescription's id.
     */
    List<Fact> expiredFacts(List<Expiries.Expiry> due, long height, ContractState state) {
        List<Fact> out = new ArrayList<>();
        for (Expiries.Expiry e : due) {
            PrescriptionQueries.prescription(state, org.careledger.ledger.Hash.fromHex(e.rxId()))
                    .filter(rx -> PrescriptionQueries.statusAt(rx, rx.expiresAt()) == org.careledger.contracts.PrescriptionStatus.EXPIRED)
                    .ifPresent(rx -> withDoctor(out, new Fact(org.careledger.ledger.Hash.sha256(("expiry:" + e.rxId())
                                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)).hex(), HistoryCells.PRESCRIPTIONS,
                            HistoryCells.prescriptionKey("expired", keyOf(HistoryCells.PRESCRIPTIONS, 1, rx.medicineCode())),
                            e.expiresAt().atZone(ZoneOffset.UTC).toLocalDate(), scopeOf(custody.ownerOf(rx.prescriber()).orElse(null)),
                            rx.patient().toLowerHex(), height), custody.ownerOf(rx.prescriber()).orElse(null)));
        }
        return out;
    }

    /** A prescription's dispensing; counted by the pharmacy that dispensed it. */
    static final String DISPENSED = "dispensed";
    /** The key part of a pharmacy. */
    public static final String PHARMACY = "pharmacy:";

    /** The pharmacy a dispensing pharmacist works for ({@code pharmacy:<provider id>}), or "-" when not known. */
    private String pharmacyOf(Address pharmacist) {
        return custody.ownerOf(pharmacist).flatMap(users::find).map(UserProfile::providerId).filter(java.util.Objects::nonNull)
                .map(id -> PHARMACY + id).orElse(HistoryCells.ANY_MEDICINE);
    }

    /** The figure of appointments by outcome (and, when booked, by doctor). */
    public static final String APPOINTMENTS = "appointments";
    static final String APPOINTMENT_BOOKED = "booked";
    /** The outcomes an appointment's transactions count as, by the contract's method. */
    static final java.util.Map<String, String> APPOINTMENT_OUTCOMES = java.util.Map.of("book", APPOINTMENT_BOOKED, "confirm", "confirmed",
            "decline", "declined", "cancel", "cancelled", "complete", "completed", "noShow", "no-show");

    /**
     * The key an appointment event is counted under: (booked, the doctor) or (outcome, "-"). Only bookings
     * are charted per doctor (a doctor's outcomes are on their own page), so the others are not counted by
     * doctor at all, which keeps the cube to what is shown (see {@link HistoryCells#ANY_MEDICINE}).
     */
    static List<String> appointmentKey(String outcome, UserId doctor) {
        return List.of(outcome, outcome.equals(APPOINTMENT_BOOKED) && doctor != null ? doctorScope(doctor) : HistoryCells.ANY_MEDICINE);
    }

    /** An appointment booked, confirmed, declined, cancelled, completed or missed, on the block's day, at the doctor's provider. */
    private Optional<ConsentFact> appointmentFact(String txId, TransactionCommitted tx, LocalDate day, ContractState state) {
        String outcome = APPOINTMENT_OUTCOMES.get(tx.method());
        if (outcome == null) {
            return Optional.empty(); // fees and terms: not an appointment
        }
        org.careledger.ledger.Hash id;
        if (tx.method().equals("book")) {
            id = tx.transactionId(); // an appointment's id is its booking's transaction
        } else if (!tx.call().args().isEmpty() && tx.call().args().get(0) instanceof Arg.Digest d) {
            id = d.value();
        } else {
            return Optional.empty();
        }
        return AppointmentQueries.appointment(state, id).map(a -> {
            UserId doctor = custody.ownerOf(a.doctor()).orElse(null);
            return new ConsentFact(new Fact(txId, APPOINTMENTS, appointmentKey(outcome, doctor), day, scopeOf(doctor),
                    a.patient().toLowerHex(), tx.height()), doctor);
        });
    }

    static final String CONSENT_REQUESTED = "requested";
    static final String CONSENT_GRANTED = "granted";
    static final String CONSENT_DENIED = "denied";
    static final String CONSENT_REVOKED = "revoked";
    static final String EMERGENCY_DECLARED = "emergency";
    static final String EMERGENCY_JUSTIFIED = "emergency-justified";
    static final String EMERGENCY_UNJUSTIFIED = "emergency-unjustified";

    private Fact prescriptionFact(String txId, String state, String medicine, LocalDate day, Address prescriber, Address patient,
                                  long height) {
        return new Fact(txId, HistoryCells.PRESCRIPTIONS, HistoryCells.prescriptionKey(state, keyOf(HistoryCells.PRESCRIPTIONS, 1, medicine)), day,
                scopeOf(custody.ownerOf(prescriber).orElse(null)), patient.toLowerHex(), height);
    }

    private String keyOf(String figure, int part, String code) {
        return cubes.history().keys(figure, part).containsKey(code) ? code : HistoryCells.OTHER;
    }

    private String scopeOf(UserId author) {
        if (author == null) {
            return Fact.NO_PROVIDER;
        }
        return users.find(author).map(UserProfile::providerId).map(id -> "provider:" + id).orElse(Fact.NO_PROVIDER);
    }

}
