package org.careledger.install;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import org.careledger.Await;
import org.careledger.TestClock;
import org.careledger.contracts.Purpose;
import org.careledger.contracts.Registry;
import org.careledger.identity.Role;
import org.careledger.identity.SecurityEventLog;
import org.careledger.identity.TestAccounts;
import org.careledger.identity.UserProfile;
import org.careledger.node.LedgerService;
import org.careledger.outbox.LedgerReceipt;
import org.careledger.outbox.TestCalls;
import org.careledger.records.DoctorConsent;
import org.careledger.records.DoctorRecords;
import org.careledger.records.EntryContent;
import org.careledger.records.Integrity;
import org.careledger.records.PatientConsent;
import org.careledger.records.PatientLookup;
import org.careledger.records.PatientRecords;
import org.careledger.records.RecordEntryView;
import org.careledger.records.RecordsAdministration;
import org.careledger.records.RequestId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careledger.contracts.RecordCategory.DIAGNOSIS;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The whole portal on the postgres profile, in an empty schema of its own: Flyway migrates it,
 * Hibernate validates the entities against it, the demo's accounts are seeded, and the main story
 * works through the services on the real ledger: registration and approval (key custody, the
 * registry through the outbox), a patient's entry written, anchored and read back, a doctor's access
 * granted and read, the sign-in throttle's and security log's SQL, and an erasure with PostgreSQL's
 * compaction. One context of its own, closed after the class (a second start next to the H2 tests'
 * shared one).
 */
@SpringBootTest
@ActiveProfiles({"demo", "postgres"})
@DirtiesContext // closed after the class: its ledger would go on mining beside the H2 tests' context
@Import({TestClock.Configuration.class, TestCalls.class})
class PostgresPortalTest {

    @RegisterExtension
    static final PostgresSupport postgres = new PostgresSupport();

    private static PostgresSupport.Database database;
    /** The H2 tests' shared context's; this context's start replaces it (Vaadin sets its own), so it is put back after. */
    private static SecurityContextHolderStrategy sharedStrategy;

    /**
     * The postgres profile reads CARELEDGER_DB_URL, _USER and _PASSWORD; the install's pre-flight
     * checks them before a test's dynamic properties exist, so they are given as system properties,
     * before the context starts and after the extension let the class run.
     */
    @BeforeAll
    static void freshSchema() {
        sharedStrategy = SecurityContextHolder.getContextHolderStrategy();
        database = PostgresSupport.freshSchema("portal");
        System.setProperty("CARELEDGER_DB_URL", database.url());
        System.setProperty("CARELEDGER_DB_USER", database.user());
        System.setProperty("CARELEDGER_DB_PASSWORD", database.password());
    }

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("careledger.data-dir", PostgresPortalTest::freshDataDir);
        registry.add("careledger.demo.records", () -> "false");
        registry.add("vaadin.devmode.devTools.enabled", () -> "false");
    }

    private static String freshDataDir() {
        try {
            Path base = Path.of("target", "test-data");
            Files.createDirectories(base);
            return Files.createTempDirectory(base.toAbsolutePath(), "pg-").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void dropSchema() {
        if (sharedStrategy != null) {
            SecurityContextHolder.setContextHolderStrategy(sharedStrategy);
        }
        System.clearProperty("CARELEDGER_DB_URL");
        System.clearProperty("CARELEDGER_DB_USER");
        System.clearProperty("CARELEDGER_DB_PASSWORD");
        // runs just before Spring closes the context; its pool's idle connections hold no locks
        if (database != null) {
            PostgresSupport.drop(database);
        }
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    WebApplicationContext web;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    LedgerService ledger;
    @Autowired
    DoctorConsent doctorConsent;
    @Autowired
    PatientConsent patientConsent;
    @Autowired
    DoctorRecords doctorRecords;
    @Autowired
    PatientRecords patientRecords;
    @Autowired
    RecordsAdministration recordsAdministration;
    @Autowired
    SecurityEventLog securityEvents;
    @Autowired
    DatabaseMaintenance maintenance;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void thePortalRunsOnPostgresFromRegistrationToAConsentedReadAndAnErasure() {
        assertThat(jdbc.queryForObject("SELECT current_schema()", String.class)).isEqualTo(database.schema());
        assertThat(maintenance).isInstanceOf(PostgresMaintenance.class);

        TestAccounts accounts = new TestAccounts(context);
        UserProfile doctor = accounts.active(Role.DOCTOR);
        UserProfile patient = accounts.active(Role.PATIENT);
        assertThat(patient.ledgerAddress()).as("a key in custody, stored on PostgreSQL").isNotNull();
        for (UserProfile p : new UserProfile[] {doctor, patient}) {
            Await.until(p.fullName() + " is on the ledger's registry",
                    () -> Registry.roleOf(ledger.committedState().view(), p.ledgerAddress()).isPresent());
        }

        RecordEntryView written = TestAccounts.as(patient, () -> patientRecords.addSelfReported(DIAGNOSIS,
                EntryContent.coded("SNOMED-CT", "44054006", "Diabetes mellitus type 2", "since 2019")));
        Await.until("the entry is anchored and verified", () -> TestAccounts.as(patient, () -> patientRecords.myRecord()).stream()
                .anyMatch(e -> e.entryId().equals(written.entryId()) && e.integrity() == Integrity.VERIFIED));

        LedgerReceipt request = TestAccounts.as(doctor, () -> doctorConsent.requestAccess(patient.ledgerAddress(), Purpose.TREATMENT,
                Set.of(DIAGNOSIS), Duration.ofDays(1), "Annual review"));
        Await.until("the patient sees the request", () -> TestAccounts.as(patient, () -> patientConsent.myRequests()).stream()
                .anyMatch(r -> r.requestId().value().equals(request.txId())));
        TestAccounts.as(patient, () -> patientConsent.grant(new RequestId(request.txId()), Set.of(DIAGNOSIS), Duration.ofDays(1)));
        Await.until("the grant is mined", () -> TestAccounts.as(doctor, () -> doctorConsent.lookup(patient.ledgerAddress())).state()
                == PatientLookup.AccessState.GRANTED);
        assertThat(TestAccounts.as(doctor, () -> doctorRecords.readRecord(patient.ledgerAddress())).entries()).singleElement()
                .satisfies(e -> assertThat(e.content().text()).isEqualTo("since 2019"));
        Await.until("the read is on the ledger's audit", () -> !TestAccounts.as(patient, () -> patientConsent.whoViewedMyRecord()).isEmpty());

        TestAccounts.as(patient, () -> { patientRecords.requestErasure(written.entryId(), "Recorded by mistake"); return null; });
        accounts.asAdmin(() -> { recordsAdministration.confirmErasure(written.entryId()); return null; });
        assertThat(jdbc.queryForObject("SELECT sealed IS NULL AND wrapped_entry_key IS NULL FROM record_entries WHERE entry_id = ?",
                Boolean.class, written.entryId().value())).as("the erased entry's key and content are gone").isTrue();
        assertThat(TestAccounts.as(patient, () -> patientRecords.myRecord())).filteredOn(e -> e.entryId().equals(written.entryId()))
                .singleElement().satisfies(e -> assertThat(e.integrity()).isEqualTo(Integrity.ERASED));
    }

    @Test
    void wrongPasswordsAreThrottledAndLoggedOnPostgres() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(web).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        String username = TestAccounts.uniqueEmail("nobody");
        for (int i = 0; i < 6; i++) {
            mvc.perform(post("/login").param("username", username).param("password", "wrong-" + i).with(csrf())
                    .with(r -> { r.setRemoteAddr("203.0.113.9"); return r; }));
        }
        assertThat(jdbc.queryForObject("SELECT MAX(failures) FROM login_throttle WHERE username = ?", Integer.class, username))
                .isGreaterThanOrEqualTo(5);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM login_throttle WHERE username = ? AND locked_until IS NOT NULL",
                Integer.class, username)).as("the username is locked for that client").isPositive();
        assertThat(TestAccounts.as("admin@careledger.test", Role.ADMIN, () -> securityEvents.forUsername(username, 10)))
                .as("each failure is a stored security event").hasSizeGreaterThanOrEqualTo(5);
    }
}
