package org.careledger.records;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.careledger.IntegrationTest;
import org.careledger.identity.DemoAccounts;
import org.careledger.identity.Role;
import org.careledger.identity.TestAccounts;
import org.careledger.identity.UserDirectory;
import org.careledger.records.demo.DemoClinicalData;
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

    @Autowired
    DemoRecordsSeeder seeder;
    @Autowired
    PatientRecords records;
    @Autowired
    PatientConsent consent;
    @Autowired
    DoctorConsent doctorConsent;
    @Autowired
    UserDirectory directory;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theDemoInstallShowsALivingRecordSystemWithNothingClinicalInPlainText() throws Exception {
        seeder.seed();

        List<RecordEntryView> zoe = asDemo(DemoAccounts.PATIENT.username(), Role.PATIENT, () -> records.myRecord());
        // other tests in the shared context anchor bare hashes for the demo patient, which show as payload missing
        zoe = zoe.stream().filter(e -> e.author() != null).toList();
        assertThat(zoe).hasSizeGreaterThan(5).allSatisfy(e -> assertThat(e.integrity()).isIn(Integrity.VERIFIED, Integrity.AWAITING_ANCHOR));
        assertThat(zoe).anySatisfy(e -> assertThat(e.content().text()).contains("synthetic"));
        assertThat(asDemo(DemoAccounts.PATIENT.username(), Role.PATIENT, () -> records.myPendingEntries())).hasSize(1);
        assertThat(asDemo(DemoAccounts.PATIENT.username(), Role.PATIENT, () -> consent.myRequests()))
                .anySatisfy(r -> assertThat(r.status()).isEqualTo(org.careledger.contracts.RequestStatus.PENDING));
        assertThat(asDemo(DemoAccounts.DOCTOR.username(), Role.DOCTOR, () -> doctorConsent.myPatients())).hasSize(3);
        assertThat(directory.findByUsername("philip.mueller@synthea.careledger.test")).hasValueSatisfying(p -> {
            assertThat(p.fullName()).isEqualTo("Philip Mueller").doesNotContainPattern("[0-9]");
        });

        jdbc.execute("CHECKPOINT SYNC");
        List<String> clinical = DemoClinicalData.load().stream()
                .flatMap(p -> Stream.concat(p.conditions().stream().map(c -> c.display()), p.medications().stream().map(m -> m.display())))
                .filter(s -> s.length() > 12).distinct().toList();
        assertThat(clinical).hasSizeGreaterThan(20);
        byte[] files = databaseBytes();
        String asText = new String(files, StandardCharsets.ISO_8859_1);
        assertThat(clinical).noneMatch(asText::contains);
        assertThat(asText).doesNotContain("Essential hypertension").doesNotContain("Blood pressure review");
    }

    private static byte[] databaseBytes() throws Exception {
        try (Stream<Path> files = Files.list(DATA_DIR)) {
            java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("portal")).toList()) {
                all.write(Files.readAllBytes(f));
            }
            return all.toByteArray();
        }
    }

    private static <T> T asDemo(String username, Role role, Supplier<T> action) {
        return TestAccounts.as(username, role, action);
    }
}
