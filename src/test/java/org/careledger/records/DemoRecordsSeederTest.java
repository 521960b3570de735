package org.careledger.records;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.careledger.IntegrationTest;
import org.careledger.identity.DemoAccounts;
import org.careledger.identity.Role;
import org.careledger.identity.TestAccounts;
import org.careledger.identity.UserDirectory;
import org.careledger.identity.UserProfile;
import org.careledger.install.DatabaseFiles;
import org.careledger.install.MasterKey;
import org.careledger.contracts.RecordCategory;
import org.careledger.records.demo.DemoClinicalData;
import org.careledger.records.demo.DemoCondition;
import org.careledger.records.demo.DemoPatient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a new user of the demo install finds: patients with verified records drawn from Synthea, the
 * demo doctor's patients, a request and an entry waiting for the demo patient, reads in the access
 * log, and none of the clinical text in plain form in the database file.
 */
class DemoRecordsSeederTest extends IntegrationTest {

    private static final java.util.Set<String> CATALOGUE_NAMES = org.careledger.pharmacy.internal.MedicineCatalogueSource.bundled()
            .stream().map(org.careledger.pharmacy.internal.Medicine::name).collect(java.util.stream.Collectors.toSet());

    @Autowired
    DemoRecordsSeeder seeder;
    @Autowired
    PatientRecords records;
    @Autowired
    PatientConsent consent;
    @Autowired
    DoctorConsent doctorConsent;
    @Autowired
    DoctorRecords doctorRecords;
    @Autowired
    UserDirectory directory;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MasterKey masterKey;

    @Test
    void theDemoInstallShowsALivingRecordSystemWithNothingClinicalInsideTheDatabaseAndNoPersonalDataOnDisk() throws Exception {
        seeder.seed();

        List<RecordEntryView> zoe = asDemo(DemoAccounts.PATIENT.username(), Role.PATIENT, () -> records.myRecord());
        // other tests in the shared context anchor bare hashes for the demo patient, which show as payload missing
        zoe = zoe.stream().filter(RecordEntryView::provable).toList();
        assertThat(zoe).hasSizeGreaterThan(5).allSatisfy(e -> assertThat(e.integrity()).isIn(Integrity.VERIFIED, Integrity.AWAITING_ANCHOR));
        assertThat(zoe).anySatisfy(e -> assertThat(e.content().text()).contains("synthetic"));
        // the history is Synthea's, dated as its data dates it; nobody here is named its author
        DemoPatient zoeSource = DemoClinicalData.load().get(0);
        List<RecordEntryView> history = zoe.stream().filter(RecordEntryView::imported).toList();
        assertThat(history).isNotEmpty().allSatisfy(e -> {
            assertThat(e.importedFrom()).isEqualTo("Synthea");
            assertThat(e.author()).isNull();
        });
        assertThat(history).filteredOn(e -> e.category() == RecordCategory.DIAGNOSIS).extracting(RecordEntryView::clinicalDate)
                .isSubsetOf(zoeSource.conditions().stream().map(DemoCondition::start).toList())
                .doesNotContain(java.time.LocalDate.now());
        assertThat(history).filteredOn(e -> e.category() == RecordCategory.MEDICATION)
                .allSatisfy(e -> assertThat(e.content().codeSystem()).isEqualTo("RxNorm"));
        // the demo doctor wrote none of it, so "Entries you wrote" tells him nothing about the categories his grant hides
        assertThat(asDemo(DemoAccounts.DOCTOR.username(), Role.DOCTOR, () -> doctorConsent.myPatients())).allSatisfy(grant ->
                assertThat(asDemo(DemoAccounts.DOCTOR.username(), Role.DOCTOR, () -> doctorRecords.myEntriesFor(grant.patient().address())))
                        .allSatisfy(e -> {
                            assertThat(e.imported()).isFalse();
                            assertThat(grant.categories()).contains(e.category());
                        }));
        assertThat(asDemo(DemoAccounts.PATIENT.username(), Role.PATIENT, () -> records.myPendingEntries())).hasSize(1);
        assertThat(asDemo(DemoAccounts.PATIENT.username(), Role.PATIENT, () -> consent.myRequests()))
                .anySatisfy(r -> assertThat(r.status()).isEqualTo(org.careledger.contracts.RequestStatus.PENDING));
        assertThat(asDemo(DemoAccounts.DOCTOR.username(), Role.DOCTOR, () -> doctorConsent.myPatients())).hasSize(4)
                .anySatisfy(grant -> {
                    // decision support's demo: a patient with a lisinopril allergy whose symptom report the doctor may read
                    assertThat(grant.patient().name()).isEqualTo("Keith McClure");
                    assertThat(grant.categories()).contains(RecordCategory.SYMPTOM_REPORT, RecordCategory.ALLERGY);
                });
        UserProfile keith = directory.findByUsername("keith.mcclure@synthea.careledger.test").orElseThrow();
        assertThat(asDemo(keith.username(), Role.PATIENT, () -> records.myRecord()))
                .anySatisfy(e -> assertThat(e.category()).isEqualTo(RecordCategory.SYMPTOM_REPORT))
                .anySatisfy(e -> assertThat(e.content().display()).isEqualTo("Lisinopril"));
        assertThat(directory.findByUsername("philip.mueller@synthea.careledger.test")).hasValueSatisfying(p -> {
            assertThat(p.fullName()).isEqualTo("Philip Mueller").doesNotContainPattern("[0-9]");
        });

        jdbc.execute("CHECKPOINT SYNC");
        List<String> clinical = DemoClinicalData.load().stream()
                .flatMap(p -> Stream.concat(p.conditions().stream().map(c -> c.display()), p.medications().stream().map(m -> m.display())))
                .filter(s -> s.length() > 12).distinct()
                // a medicine's name is also in the pharmacy's catalogue, which is reference data, not anyone's record
                .filter(s -> !CATALOGUE_NAMES.contains(s)).toList();
        assertThat(clinical).hasSizeGreaterThan(20);
        // what the database holds in memory is written to its file first (H2 moves pages between chunks in the background)
        jdbc.execute("CHECKPOINT SYNC");
        byte[] inside = DatabaseFiles.decrypted(DATA_DIR, masterKey);
        String decrypted = new String(inside, StandardCharsets.ISO_8859_1);
        assertThat(clinical).as("clinical text inside the database (sealed per entry)").noneMatch(decrypted::contains);
        assertThat(decrypted).doesNotContain("Essential hypertension").doesNotContain("Blood pressure review").doesNotContain("Sinus Pain");

        // the personal data the seed wrote is in the database, readable once its file is decrypted with the key ...
        List<String> personal = List.of("Philip Mueller", "Chiquita Bergstrom", "philip.mueller@synthea.careledger.test",
                "Synthea Health", "Massachusetts");
        assertThat(personal).allMatch(decrypted::contains);
        // ... and none of it, nor the demo users' names, addresses and insurers, in the file as it lies on disk
        String onDisk = new String(DatabaseFiles.raw(DATA_DIR), StandardCharsets.ISO_8859_1);
        assertThat(personal).noneMatch(onDisk::contains);
        assertThat(directory.activeUsersWithRole(Role.PATIENT).stream().map(id -> directory.find(id).orElseThrow())
                .flatMap(p -> Stream.of(p.fullName(), p.username(), p.address(), p.policyNumber(), p.insuranceProvider(), p.mobile()))
                .filter(v -> v != null && v.length() >= 6)).isNotEmpty().noneMatch(onDisk::contains);
        // nor the demo staff's, nor those of the registrations still waiting for approval
        List<String> staffAndApplicants = Stream.concat(Stream.of(DemoAccounts.ADMIN, DemoAccounts.DOCTOR, DemoAccounts.PHARMACIST)
                        .map(a -> directory.findByUsername(a.username()).orElseThrow())
                        .flatMap(p -> Stream.of(p.fullName(), p.username(), p.address())),
                Stream.of("Priya Raman", "priya.raman@careledger.test", "12 Harbour Road", "GMC-7099876", "Mateo Fern",
                        "mateo.fernandez@careledger.test", "Calle Mayor 5", "SAN-33-99812"))
                .filter(v -> v != null && v.length() >= 6).toList();
        assertThat(staffAndApplicants).hasSizeGreaterThan(10).allMatch(decrypted::contains).noneMatch(onDisk::contains);
    }

    private static <T> T asDemo(String username, Role role, Supplier<T> action) {
        return TestAccounts.as(username, role, action);
    }
}
