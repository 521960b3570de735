package org.careledger.records;

import jakarta.persistence.EntityManagerFactory;

import org.careledger.IntegrationTest;
import org.careledger.identity.Role;
import org.careledger.identity.TestAccounts;
import org.careledger.identity.UserProfile;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A doctor's "My patients" reads the database a fixed number of times however many patients the
 * hospital has: their profiles, the revocations in flight and the committed state are read once for
 * the list, not once per patient (an N+1 that grew with every registered patient).
 */
class PatientListQueriesTest extends IntegrationTest {

    @Autowired
    ApplicationContext ctx;

    @Autowired
    EntityManagerFactory emf;

    @Autowired
    DoctorConsent consent;

    @Test
    void myPatientsTakesAsManyStatementsWithSixMorePatientsInTheHospital() {
        TestAccounts accounts = new TestAccounts(ctx);
        UserProfile doctor = accounts.active(Role.DOCTOR);
        accounts.active(Role.PATIENT);
        long before = statementsForMyPatients(doctor);
        for (int i = 0; i < 6; i++) {
            accounts.active(Role.PATIENT);
        }
        long after = statementsForMyPatients(doctor);

        assertThat(after).as("statements for My patients with 6 more patients registered (one per patient would be an N+1)")
                .isEqualTo(before);
    }

    /**
     * The fewest statements of three loads of My patients: Hibernate counts every thread's statements,
     * and the outbox settling the new patients' registrations in the background may add some to one
     * load; an N+1 would add one per patient to every load.
     */
    private long statementsForMyPatients(UserProfile doctor) {
        long fewest = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            fewest = Math.min(fewest, statementsForOneLoad(doctor));
        }
        return fewest;
    }

    private long statementsForOneLoad(UserProfile doctor) {
        Statistics statistics = emf.unwrap(SessionFactory.class).getStatistics();
        statistics.setStatisticsEnabled(true);
        try {
            statistics.clear();
            assertThat(TestAccounts.as(doctor, consent::myPatients)).isEmpty();
            return statistics.getPrepareStatementCount();
        } finally {
            statistics.setStatisticsEnabled(false);
        }
    }
}
