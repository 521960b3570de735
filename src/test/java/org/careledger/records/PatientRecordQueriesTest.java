package org.careledger.records;

import java.util.List;

import jakarta.persistence.EntityManagerFactory;

import org.careledger.IntegrationTest;
import org.careledger.contracts.RecordCategory;
import org.careledger.identity.Role;
import org.careledger.identity.TestAccounts;
import org.careledger.identity.UserProfile;
import org.careledger.outbox.internal.OutboxRows;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A record's page reads the database a fixed number of times however many entries it shows: each
 * entry's anchoring receipt is read in one query for the list, and each author's name once (a view
 * per entry asked for both, two statements or three an entry, the first cost the load test found in
 * an audited read after the audit itself).
 */
class PatientRecordQueriesTest extends IntegrationTest {

    @Autowired
    ApplicationContext ctx;

    @Autowired
    EntityManagerFactory emf;

    @Autowired
    PatientRecords records;

    @Autowired
    OutboxRows outbox;

    @Test
    void myRecordTakesAsManyStatementsWithFiveMoreEntries() {
        UserProfile patient = new TestAccounts(ctx).active(Role.PATIENT);
        addEntry(patient, "Penicillin");
        long before = statementsForMyRecord(patient, 1);
        for (String allergen : List.of("Latex", "Peanuts", "Shellfish", "Aspirin", "Pollen")) {
            addEntry(patient, allergen);
        }
        long after = statementsForMyRecord(patient, 6);

        assertThat(after).as("statements for the patient's record with 5 more entries (one or more per entry would be an N+1)")
                .isEqualTo(before);
    }

    private void addEntry(UserProfile patient, String allergen) {
        TestAccounts.as(patient, () -> records.addSelfReported(RecordCategory.ALLERGY,
                EntryContent.coded("SNOMED-CT", "91936005", "Allergy to " + allergen, "self-reported")));
    }

    private long statementsForMyRecord(UserProfile patient, int entries) {
        return StatementCounts.fewest(emf, outbox,
                () -> assertThat(TestAccounts.as(patient, records::myRecord)).as("the record's entries").hasSize(entries));
    }
}
