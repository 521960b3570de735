package org.careledger.records;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.careledger.Await;
import org.careledger.IntegrationTest;
import org.careledger.TestClock;
import org.careledger.contracts.Purpose;
import org.careledger.contracts.RecordCategory;
import org.careledger.contracts.Registry;
import org.careledger.crypto.Address;
import org.careledger.identity.Role;
import org.careledger.identity.SecurityEventLog;
import org.careledger.identity.TestAccounts;
import org.careledger.identity.UserProfile;
import org.careledger.install.DatabaseFiles;
import org.careledger.install.MasterKey;
import org.careledger.ledger.Hash;
import org.careledger.node.LedgerService;
import org.careledger.outbox.LedgerReceipt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.careledger.contracts.RecordCategory.DIAGNOSIS;
import static org.careledger.contracts.RecordCategory.MEDICATION;

/**
 * The records workflow through its services, on the real ledger and H2 file: consent opens exactly
 * what it says for as long as it says, a revocation holds before it is mined, every read lands on
 * the audit, tampering is reported, nothing clinical is in the database file in plain text, and an
 * erased entry's bytes leave the file.
 */
class RecordServiceTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    DoctorConsent doctorConsent;
    @Autowired
    PatientConsent patientConsent;
    @Autowired
    DoctorRecords doctorRecords;
    @Autowired
    PatientRecords patientRecords;
    @Autowired
    RecordsAdministration admin;
    @Autowired
    LedgerService ledger;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    MasterKey masterKey;

    @Autowired
    private SecurityEventLog securityEvents;

    private TestAccounts accounts;
    private UserProfile doctor;
    private UserProfile otherDoctor;
    private UserProfile patient;
    private Address patientAddress;

    @BeforeEach
    void freshPeople() {
        accounts = new TestAccounts(context);
        doctor = accounts.active(Role.DOCTOR);
        otherDoctor = accounts.active(Role.DOCTOR);
        patient = accounts.active(Role.PATIENT);
        patientAddress = patient.ledgerAddress();
        for (UserProfile p : List.of(doctor, otherDoctor, patient)) {
            Await.until(p.fullName() + " is on the ledger's registry",
                    () -> Registry.roleOf(ledger.committedState().view(), p.ledgerAddress()).isPresent());
        }
    }

    @AfterEach
    void resetClock() {
        clock.reset();
        TestAccounts.signOut();
    }

    @Test
    void withoutConsentADoctorSeesOnlyTheAddressAndCannotRead() {
        PatientLookup lookup = as(doctor, () -> doctorConsent.lookup(patientAddress));
        assertThat(lookup.state()).isEqualTo(PatientLookup.AccessState.NO_ACCESS);
        assertThat(lookup.address()).isEqualTo(patient.ledgerAddress());
        assertThatThrownBy(() -> as(doctor, () -> doctorRecords.readRecord(patientAddress)))
                .isInstanceOf(ConsentRequiredException.class).hasMessageContaining("no active consent");
        RecordEntryView own = as(patient, () -> patientRecords.addSelfReported(DIAGNOSIS, EntryContent.coded("SNOMED-CT", "44054006",
                "Diabetes mellitus type 2", "since 2019")));
        assertThatThrownBy(() -> as(doctor, () -> doctorRecords.readEntry(own.entryId()))).isInstanceOf(ConsentRequiredException.class);
    }

    @Test
    void aGrantForOneCategoryOpensThatCategoryOnlyAndEveryReadIsAudited() {
        RecordEntryView diagnosis = as(patient, () -> patientRecords.addSelfReported(DIAGNOSIS,
                EntryContent.coded("ICD-10", "E11.9", "Type 2 diabetes mellitus without complications", null)));
        RecordEntryView medication = as(patient, () -> patientRecords.addSelfReported(MEDICATION,
                EntryContent.coded("RxNorm", "860975", "Metformin 500 mg", "twice daily")));
        RequestId requestId = granted(Set.of(DIAGNOSIS, MEDICATION), Set.of(DIAGNOSIS), Duration.ofDays(7), "Annual review");

        PatientRecordView seen = as(doctor, () -> doctorRecords.readRecord(patientAddress));
        assertThat(seen.entries()).extracting(RecordEntryView::entryId).containsExactly(diagnosis.entryId());
        assertThat(seen.hidden()).contains(MEDICATION);
        assertThat(seen.patient().name()).isEqualTo(patient.fullName());
        assertThatThrownBy(() -> as(doctor, () -> doctorRecords.readEntry(medication.entryId())))
                .isInstanceOf(ConsentRequiredException.class).hasMessageContaining("medication");
        assertThatThrownBy(() -> as(otherDoctor, () -> doctorRecords.readRecord(patientAddress))).isInstanceOf(ConsentRequiredException.class);

        Await.until("the read is on the ledger's audit", () -> !as(patient, () -> patientConsent.whoViewedMyRecord()).isEmpty());
        AccessEventView read = as(patient, () -> patientConsent.whoViewedMyRecord()).get(0);
        assertThat(read.reader().name()).isEqualTo(doctor.fullName());
        assertThat(read.entryId()).isEqualTo(diagnosis.entryId());
        assertThat(read.entryName()).as("the read names the entry read").isEqualTo("Type 2 diabetes mellitus without complications");
        assertThat(read.basisKind()).isEqualTo("Grant");
        assertThat(read.basisId()).isEqualTo(requestId.value());
        assertThat(read.purpose()).isEqualTo(Purpose.TREATMENT);
        assertThat(as(patient, () -> patientConsent.visitsToMyRecord())).singleElement().satisfies(visit -> {
            assertThat(visit.reader().name()).isEqualTo(doctor.fullName());
            assertThat(visit.reads()).extracting(AccessEventView::entryId).containsExactly(diagnosis.entryId());
            assertThat(visit.categories()).containsExactly(DIAGNOSIS);
            assertThat(visit.purposes()).containsExactly(Purpose.TREATMENT);
        });
    }

    @Test
    void aRevocationHoldsAtOnceEvenBeforeItIsMined() {
        as(patient, () -> patientRecords.addSelfReported(DIAGNOSIS, EntryContent.coded("SNOMED-CT", "38341003", "Hypertension", null)));
        GrantId grantId = GrantId.of(granted(Set.of(DIAGNOSIS), Set.of(DIAGNOSIS), Duration.ofDays(1), null));
        assertThat(as(doctor, () -> doctorRecords.readRecord(patientAddress)).entries()).hasSize(1);

        LedgerReceipt revocation = as(patient, () -> patientConsent.revoke(grantId));
        assertThat(revocation.status()).isIn(LedgerReceipt.Status.PENDING, LedgerReceipt.Status.COMMITTED);
        assertThatThrownBy(() -> as(doctor, () -> doctorRecords.readRecord(patientAddress))).isInstanceOf(ConsentRequiredException.class);
        assertThat(as(doctor, () -> doctorConsent.myPatients())).noneMatch(g -> g.grantId().equals(grantId));
        Await.until("the revocation is mined", () -> as(patient, () -> patientConsent.myGrants()).stream()
                .anyMatch(g -> g.grantId().equals(grantId) && g.revocation() != null && g.revocation().status() == LedgerReceipt.Status.COMMITTED));
        assertThatThrownBy(() -> as(doctor, () -> doctorRecords.readRecord(patientAddress))).isInstanceOf(ConsentRequiredException.class);
    }

    @Test
    void aGrantEndsAtItsEndTime() {
        as(patient, () -> patientRecords.addSelfReported(DIAGNOSIS, EntryContent.coded("SNOMED-CT", "38341003", "Hypertension", null)));
        granted(Set.of(DIAGNOSIS), Set.of(DIAGNOSIS), Duration.ofHours(1), null);
        assertThat(as(doctor, () -> doctorRecords.readRecord(patientAddress)).entries()).hasSize(1);
        clock.advance(Duration.ofMinutes(61));
        assertThatThrownBy(() -> as(doctor, () -> doctorRecords.readRecord(patientAddress))).isInstanceOf(ConsentRequiredException.class);
    }

    @Test
    void anEmergencyAccessOpensEverythingForAnHourIsReviewedAndEnds() {
        as(patient, () -> patientRecords.addSelfReported(RecordCategory.ALLERGY, EntryContent.coded(null, null, "Penicillin", "hives")));
        assertThatThrownBy(() -> as(doctor, () -> doctorConsent.declareEmergency(patientAddress, "short")))
                .isInstanceOf(org.careledger.common.InvalidInputException.class);
        LedgerReceipt declared = as(doctor, () -> doctorConsent.declareEmergency(patientAddress, "Unconscious on arrival, allergies unknown"));
        assertThat(declared.status()).isEqualTo(LedgerReceipt.Status.COMMITTED);

        PatientRecordView seen = as(doctor, () -> doctorRecords.readRecord(patientAddress));
        assertThat(seen.emergency()).isTrue();
        assertThat(seen.entries()).extracting(e -> e.content().display()).containsExactly("Penicillin");
        assertThat(accounts.asAdmin(() -> admin.pendingEmergencyReviews())).anySatisfy(e -> {
            assertThat(e.patient().name()).isEqualTo(patient.fullName());
            assertThat(e.reason()).isEqualTo("Unconscious on arrival, allergies unknown");
        });
        assertThat(as(patient, () -> patientConsent.myEmergencies())).singleElement()
                .satisfies(e -> assertThat(e.doctor().name()).isEqualTo(doctor.fullName()));
        assertThat(accounts.asAdmin(() -> securityEvents.forUsername(doctor.username(), 10))).as("the admins' security events")
                .anySatisfy(e -> {
                    assertThat(e.event()).isEqualTo("EMERGENCY_ACCESS");
                    assertThat(e.outcome()).isEqualTo("declared for patient " + patient.username());
                });

        EmergencyId id = accounts.asAdmin(() -> admin.pendingEmergencyReviews()).stream()
                .filter(e -> e.patient().name().equals(patient.fullName())).findFirst().orElseThrow().emergencyId();
        accounts.asAdmin(() -> admin.reviewEmergency(id, false, "No sign of an emergency in the notes"));
        assertThat(accounts.asAdmin(() -> securityEvents.forUsername(doctor.username(), 10)))
                .anySatisfy(e -> assertThat(e.event() + " " + e.outcome()).isEqualTo("EMERGENCY_REVIEW judged not justified"));

        clock.advance(Duration.ofMinutes(61));
        assertThatThrownBy(() -> as(doctor, () -> doctorRecords.readRecord(patientAddress))).isInstanceOf(ConsentRequiredException.class);
    }

    @Test
    void aDoctorsEntryWaitsForThePatientAndOnlyThePatientDecides() {
        granted(Set.of(DIAGNOSIS), Set.of(DIAGNOSIS), Duration.ofDays(1), null);
        RecordEntryView proposed = as(doctor, () -> doctorRecords.proposeEntry(patientAddress, DIAGNOSIS,
                EntryContent.coded("SNOMED-CT", "44054006", "Diabetes mellitus type 2", "HbA1c 8.1%")));
        assertThat(proposed.status()).isEqualTo(EntryStatus.PENDING_APPROVAL);
        assertThat(as(doctor, () -> doctorRecords.readRecord(patientAddress)).entries()).as("not part of the record yet").isEmpty();
        assertThatThrownBy(() -> as(doctor, () -> doctorRecords.proposeEntry(patientAddress, MEDICATION,
                EntryContent.coded(null, null, "Metformin", null)))).as("the grant does not cover medication")
                .isInstanceOf(ConsentRequiredException.class);
        assertThatThrownBy(() -> as(doctor, () -> patientRecords.approveEntry(proposed.entryId())))
                .as("a doctor cannot approve their own entry").isInstanceOf(AccessDeniedException.class);

        UserProfile stranger = accounts.active(Role.PATIENT);
        assertThatThrownBy(() -> as(stranger, () -> patientRecords.approveEntry(proposed.entryId()))).isInstanceOf(org.careledger.common.NotFoundException.class);
        assertThat(as(stranger, () -> patientRecords.myRecord())).isEmpty();

        assertThat(as(patient, () -> patientRecords.myPendingEntries())).extracting(RecordEntryView::entryId).containsExactly(proposed.entryId());
        as(patient, () -> patientRecords.approveEntry(proposed.entryId()));
        Await.until("the entry is anchored and verified", () -> as(patient, () -> patientRecords.myRecord()).stream()
                .anyMatch(e -> e.entryId().equals(proposed.entryId()) && e.integrity() == Integrity.VERIFIED));
        assertThat(as(doctor, () -> doctorRecords.readRecord(patientAddress)).entries()).singleElement()
                .satisfies(e -> assertThat(e.content().text()).isEqualTo("HbA1c 8.1%"));

        RecordEntryView second = as(doctor, () -> doctorRecords.proposeEntry(patientAddress, DIAGNOSIS,
                EntryContent.coded("SNOMED-CT", "38341003", "Hypertension", null)));
        assertThatThrownBy(() -> as(patient, () -> { patientRecords.rejectEntry(second.entryId(), " "); return null; }))
                .isInstanceOf(org.careledger.common.InvalidInputException.class);
        as(patient, () -> { patientRecords.rejectEntry(second.entryId(), "I was never told of this"); return null; });
        assertThat(as(doctor, () -> doctorRecords.myEntriesFor(patientAddress))).anySatisfy(e -> {
            assertThat(e.entryId()).isEqualTo(second.entryId());
            assertThat(e.status()).isEqualTo(EntryStatus.REJECTED);
            assertThat(e.rejectionComment()).isEqualTo("I was never told of this");
        });
    }

    @Test
    void aChangedCiphertextByteOrAnchoredHashIsReportedAndNotShown() {
        RecordEntryView a = verifiedSelfReported("Asthma");
        RecordEntryView b = verifiedSelfReported("Eczema");
        byte[] sealed = jdbc.queryForObject("SELECT sealed FROM record_entries WHERE entry_id = ?", byte[].class, a.entryId().value());
        sealed[sealed.length / 2] ^= 1;
        jdbc.update("UPDATE record_entries SET sealed = ? WHERE entry_id = ?", sealed, a.entryId().value());
        jdbc.update("UPDATE record_entries SET salted_hash = ? WHERE entry_id = ?", "00".repeat(32), b.entryId().value());

        List<RecordEntryView> mine = as(patient, () -> patientRecords.myRecord());
        assertThat(mine).filteredOn(e -> e.entryId().equals(a.entryId())).singleElement().satisfies(e -> {
            assertThat(e.integrity()).isEqualTo(Integrity.MISMATCH);
            assertThat(e.content()).isNull();
        });
        assertThat(mine).filteredOn(e -> e.entryId().equals(b.entryId())).singleElement()
                .satisfies(e -> assertThat(e.integrity()).isEqualTo(Integrity.MISMATCH));
    }

    @Test
    void anAnchoredEntryAndAGrantCanBeProvedOfflineWithTheCommandLine() throws Exception {
        RecordEntryView entry = verifiedSelfReported("Peanuts");
        ProofDownload proof = as(patient, () -> patientRecords.proofOf(entry.entryId())).orElseThrow();
        assertThat(proof.json()).contains(entry.entryId().value()).contains("\"anchor\"");
        assertThat(verifyOffline(proof)).startsWith("valid height=");
        assertThatThrownBy(() -> as(otherDoctor, () -> doctorRecords.proofOf(entry.entryId()))).isInstanceOf(ConsentRequiredException.class);

        RequestId requestId = granted(Set.of(RecordCategory.ALLERGY), Set.of(RecordCategory.ALLERGY), Duration.ofDays(1), null);
        Hash grantTx = as(patient, () -> patientConsent.myRequests()).stream().filter(r -> r.requestId().equals(requestId)).findFirst()
                .orElseThrow().decision().txId();
        Await.until("the grant's block is known", () -> as(patient, () -> patientConsent.proofOf(grantTx)).isPresent());
        ProofDownload grantProof = as(patient, () -> patientConsent.proofOf(grantTx)).orElseThrow();
        assertThat(grantProof.json()).contains("\"grant\"");
        assertThat(verifyOffline(grantProof)).startsWith("valid height=");
        assertThat(as(doctor, () -> doctorConsent.proofOf(requestId.value()))).isPresent();
        assertThatThrownBy(() -> as(otherDoctor, () -> doctorConsent.proofOf(grantTx))).isInstanceOf(org.careledger.common.NotFoundException.class);
    }

    private static String verifyOffline(ProofDownload proof) throws Exception {
        Path file = Files.createTempFile(DATA_DIR, "proof-", ".json");
        Files.writeString(file, proof.json());
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        org.careledger.cli.LedgerCli.run(new String[] {"ledger", "proof", "verify", file.toString()},
                new java.io.PrintStream(out, true), new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        return out.toString().strip();
    }

    @Test
    void anAnchoredEntryWhosePayloadIsGoneIsShownAsPayloadMissing() {
        RecordEntryView lost = verifiedSelfReported("Latex");
        jdbc.update("DELETE FROM ledger_outbox WHERE related_id = ?", lost.entryId().value());
        jdbc.update("DELETE FROM record_entries WHERE entry_id = ?", lost.entryId().value());
        assertThat(as(patient, () -> patientRecords.myRecord())).filteredOn(e -> e.entryId().equals(lost.entryId())).singleElement()
                .satisfies(e -> {
                    assertThat(e.integrity()).isEqualTo(Integrity.PAYLOAD_MISSING);
                    assertThat(e.content()).isNull();
                    assertThat(e.anchorTxId()).isNotNull();
                });
    }

    @Test
    void theDatabaseFileHoldsNoClinicalTextAndAnErasedEntryLeavesNoBytes() throws Exception {
        String secret = "Confidential-note-" + System.nanoTime();
        RecordEntryView note = as(patient, () -> patientRecords.addSelfReported(RecordCategory.CLINICAL_NOTE, EntryContent.note(secret)));
        jdbc.execute("CHECKPOINT SYNC");
        assertThat(DatabaseFiles.contains(DatabaseFiles.raw(DATA_DIR), secret)).as("plain text in the file on disk").isFalse();
        assertThat(databaseFilesContain(secret.getBytes())).as("plain text inside the decrypted database").isFalse();

        byte[] sealed = jdbc.queryForObject("SELECT sealed FROM record_entries WHERE entry_id = ?", byte[].class, note.entryId().value());
        byte[] probe = Arrays.copyOfRange(sealed, 13, 45);
        assertThat(databaseFilesContain(probe)).as("the sealed bytes are in the file before erasure").isTrue();

        as(patient, () -> { patientRecords.requestErasure(note.entryId(), "Recorded by mistake"); return null; });
        assertThat(accounts.asAdmin(() -> admin.pendingErasures())).anySatisfy(r -> assertThat(r.entryId()).isEqualTo(note.entryId()));
        accounts.asAdmin(() -> { admin.confirmErasure(note.entryId()); return null; });

        assertThat(databaseFilesContain(probe)).as("the sealed bytes after erasure and compaction").isFalse();
        assertThat(as(patient, () -> patientRecords.myRecord())).filteredOn(e -> e.entryId().equals(note.entryId())).singleElement()
                .satisfies(e -> {
                    assertThat(e.integrity()).isEqualTo(Integrity.ERASED);
                    assertThat(e.erasedAt()).isNotNull();
                    assertThat(e.content()).isNull();
                });
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private RecordEntryView verifiedSelfReported(String display) {
        RecordEntryView e = as(patient, () -> patientRecords.addSelfReported(RecordCategory.ALLERGY, EntryContent.coded(null, null, display, null)));
        Await.until(display + " is anchored", () -> as(patient, () -> patientRecords.myRecord()).stream()
                .anyMatch(v -> v.entryId().equals(e.entryId()) && v.integrity() == Integrity.VERIFIED));
        return e;
    }

    /** The doctor asks for {@code asked}; the patient grants {@code given}; returns the request's id once the grant is mined. */
    private RequestId granted(Set<RecordCategory> asked, Set<RecordCategory> given, Duration duration, String note) {
        LedgerReceipt request = as(doctor, () -> doctorConsent.requestAccess(patientAddress, Purpose.TREATMENT, asked, duration, note));
        Await.until("the patient sees the request", () -> as(patient, () -> patientConsent.myRequests()).stream()
                .anyMatch(r -> r.requestId().value().equals(request.txId())));
        AccessRequestView seen = as(patient, () -> patientConsent.myRequests()).stream().filter(r -> r.requestId().value().equals(request.txId()))
                .findFirst().orElseThrow();
        assertThat(seen.doctor().name()).isEqualTo(doctor.fullName());
        assertThat(seen.note()).isEqualTo(note);
        as(patient, () -> patientConsent.grant(new RequestId(request.txId()), given, duration));
        Await.until("the grant is mined", () -> as(doctor, () -> doctorConsent.lookup(patientAddress)).state() == PatientLookup.AccessState.GRANTED);
        return new RequestId(request.txId());
    }

    /** Whether the database holds {@code needle} in any page, current or old, once its file is decrypted with the master key. */
    private boolean databaseFilesContain(byte[] needle) {
        return DatabaseFiles.contains(DatabaseFiles.decrypted(DATA_DIR, masterKey), needle);
    }

    private static <T> T as(UserProfile user, Supplier<T> action) {
        return TestAccounts.as(user.username(), user.role(), action);
    }
}
