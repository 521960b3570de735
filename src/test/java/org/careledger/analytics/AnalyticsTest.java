package org.careledger.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.careledger.Await;
import org.careledger.IntegrationTest;
import org.careledger.analytics.internal.AnalyticsFeed;
import org.careledger.analytics.internal.Charts;
import org.careledger.analytics.internal.Rebuild;
import org.careledger.analytics.internal.FactStore;
import org.careledger.contracts.RecordCategory;
import org.careledger.identity.Role;
import org.careledger.identity.TestAccounts;
import org.careledger.identity.UserProfile;
import org.careledger.pharmacy.PharmacyPeople;
import org.careledger.records.DoctorRecords;
import org.careledger.records.EntryContent;
import org.careledger.records.PatientRecords;
import org.careledger.records.RecordEntryView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/**
 * The clinical figures from the portal's own work, on the real ledger: a diagnosis a doctor writes and
 * the patient approves is counted once, in its clinical month, at the doctor's hospital and in all
 * providers; fewer than 5 patients show as "&lt; 5"; the feed's restart and a reorganisation's
 * take-back count nothing twice; only admins see the figures.
 */
class AnalyticsTest extends IntegrationTest {

    /** Viral sinusitis: one of the history's top conditions, so it has a series of its own. */
    static final String VIRAL_SINUSITIS = "444814009";
    /** A month the synthetic history does not reach, so only this test's diagnoses are in it. */
    static final LocalDate CLINICAL_DAY = LocalDate.of(2014, 6, 10);

    @Autowired
    ApplicationContext context;
    @Autowired
    ClinicalAnalytics analytics;
    @Autowired
    DoctorRecords doctorRecords;
    @Autowired
    DoctorAnalytics doctorAnalytics;
    @Autowired
    PatientRecords patientRecords;
    @Autowired
    FactStore store;
    @Autowired
    AnalyticsFeed feed;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Rebuild rebuild;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void approvedDiagnosesAreCountedOnceInTheirMonthAtTheDoctorsHospitalAndSuppressedUnderFivePatients() throws Exception {
        PharmacyPeople people = new PharmacyPeople(context);
        TestAccounts accounts = new TestAccounts(context);
        UserProfile doctor = people.active(Role.DOCTOR);
        String hospital = AnalyticsScope.ofProvider(doctor.providerId());
        Period june2014 = new Period(Grain.MONTHS, 2014);

        List<UserProfile> patients = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            patients.add(diagnosed(people, doctor));
        }
        awaitCounted(3);
        awaitShown(accounts, june2014, hospital, null); // 3 patients: suppressed
        assertThat(june(accounts, june2014, "*")).as("and in all providers").isNull();

        for (int i = 0; i < 3; i++) {
            patients.add(diagnosed(people, doctor));
        }
        awaitCounted(6);
        awaitShown(accounts, june2014, hospital, 6L);
        assertThat(june(accounts, june2014, "*")).isEqualTo(6L);
        ChartData quarter = chart(accounts, new Period(Grain.QUARTERS, 2014), hospital);
        assertThat(quarter.buckets()).contains("2014-Q2");
        assertThat(value(quarter, "Viral sinusitis", "2014-Q2")).isEqualTo(6L);

        // a restart that lost its place applies the chain again and counts nothing twice
        long height = store.appliedHeight();
        jdbc.update("UPDATE analytics_progress SET applied_height = 0 WHERE id = 1");
        feed.catchUpInBackground().get();
        assertThat(store.appliedHeight()).isGreaterThanOrEqualTo(height);
        assertThat(june(accounts, june2014, hospital)).isEqualTo(6L);
        // a reorganisation that takes the newest blocks back and applies them again leaves the same counts
        store.rollBackFrom(Math.max(1, height - 3));
        feed.catchUpInBackground().get();
        assertThat(june(accounts, june2014, hospital)).isEqualTo(6L);
        assertThat(rebuild.differencesFromFacts()).as("the cells agree with a recount of the facts").isEmpty();

        // the doctor's own figures count the same diagnoses; another doctor's do not
        Await.until("the doctor's own figures show them", () -> java.util.Objects.equals(6L, value(TestAccounts.as(doctor.username(),
                Role.DOCTOR, () -> doctorAnalytics.myCharts(june2014)).get(0), "Viral sinusitis", "2014-06")));
        UserProfile other = people.active(Role.DOCTOR);
        assertThat(value(ready(() -> TestAccounts.as(other.username(), Role.DOCTOR, () -> doctorAnalytics.myCharts(june2014)).get(0)),
                "Viral sinusitis", "2014-06")).isZero();

        assertThatThrownBy(() -> TestAccounts.as(doctor.username(), Role.DOCTOR, () -> analytics.charts(june2014, "*")))
                .as("the hospital's figures are for admins").isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accounts.asAdmin(() -> analytics.charts(june2014, "provider:999999")))
                .isInstanceOf(org.careledger.common.InvalidInputException.class);
    }

    @Test
    void aRebuildFromTheChainFindsWhatWasTamperedWithAndPutsItRight() throws Exception {
        PharmacyPeople people = new PharmacyPeople(context);
        UserProfile doctor = people.active(Role.DOCTOR);
        String hospital = AnalyticsScope.ofProvider(doctor.providerId());
        String patient = diagnosed(people, doctor).ledgerAddress().toLowerHex();
        Await.until("the diagnosis in the read model", () -> store.facts().stream()
                .anyMatch(f -> f.figure().equals("diagnoses.doctor") && f.patientRef().equals(patient)));
        String cell = "figure = 'diagnoses' AND key_parts = '" + VIRAL_SINUSITIS + "' AND cell_level = 'MONTH' AND bucket_start = DATE '2014-06-01' "
                + "AND scope = '" + hospital + "'";
        long events = jdbc.queryForObject("SELECT events FROM analytics_cells WHERE " + cell, Long.class);
        jdbc.update("UPDATE analytics_cells SET events = events + 7 WHERE " + cell);
        String fact = jdbc.queryForObject("SELECT tx_id FROM analytics_facts WHERE figure = 'diagnoses' AND scope = ? FETCH FIRST 1 ROW ONLY",
                String.class, hospital);
        jdbc.update("DELETE FROM analytics_facts WHERE tx_id = ? AND figure = 'diagnoses'", fact);

        Rebuild.Report report = rebuild.run();

        assertThat(report.differences()).as("the tampered cell and the lost fact")
                .anyMatch(d -> d.startsWith("diagnoses " + VIRAL_SINUSITIS + "@2014-06/" + hospital + ": live " + (events + 7) + " events"))
                .anyMatch(d -> d.startsWith("missing from the live model: diagnoses") && d.contains(fact));
        assertThat(report.factsAfter()).as(String.join("\n", report.differences())).isEqualTo(report.factsBefore() + 1);
        assertThat(jdbc.queryForObject("SELECT events FROM analytics_cells WHERE " + cell, Long.class)).isEqualTo(events);
        assertThat(rebuild.differencesFromFacts()).isEmpty();
        assertThat(rebuild.run().differences()).as("a second rebuild finds nothing").isEmpty();
    }

    private UserProfile diagnosed(PharmacyPeople people, UserProfile doctor) {
        UserProfile patient = people.active(Role.PATIENT);
        people.consent(doctor, patient, Set.of(RecordCategory.DIAGNOSIS, RecordCategory.MEDICATION));
        RecordEntryView proposed = TestAccounts.as(doctor.username(), Role.DOCTOR, () -> doctorRecords.proposeEntry(
                patient.ledgerAddress(), RecordCategory.DIAGNOSIS, EntryContent.coded("SNOMED-CT", VIRAL_SINUSITIS, "Viral sinusitis", null),
                CLINICAL_DAY));
        TestAccounts.as(patient.username(), Role.PATIENT, () -> patientRecords.approveEntry(proposed.entryId()));
        return patient;
    }

    private void awaitCounted(long diagnoses) {
        Await.until(diagnoses + " diagnoses of June 2014 in the read model", () -> store.facts().stream()
                .filter(f -> f.figure().equals("diagnoses") && f.day().equals(CLINICAL_DAY)).count() >= diagnoses);
    }

    /** The figures follow the read model a moment later (a page is served from the last snapshot meanwhile). */
    private void awaitShown(TestAccounts accounts, Period period, String scope, Long expected) {
        try {
            Await.until("June 2014 shows " + (expected == null ? "< 5" : expected), () -> {
                ChartData c = chart(accounts, period, scope);
                Long v = value(c, "Viral sinusitis", "2014-06");
                return java.util.Objects.equals(v, expected);
            });
        } catch (AssertionError e) {
            assertThat(value(chart(accounts, period, scope), "Viral sinusitis", "2014-06")).as("June 2014 in " + scope).isEqualTo(expected);
        }
    }

    private Long june(TestAccounts accounts, Period period, String scope) {
        return value(chart(accounts, period, scope), "Viral sinusitis", "2014-06");
    }

    private ChartData chart(TestAccounts accounts, Period period, String scope) {
        return ready(() -> accounts.asAdmin(() -> analytics.charts(period, scope)).stream().filter(c -> c.id().equals("new-diagnoses"))
                .findFirst().orElseThrow());
    }

    /** The chart once its figure is prepared (the first look at a figure queues its suppression in the background). */
    static ChartData ready(java.util.function.Supplier<ChartData> chart) {
        ChartData[] last = new ChartData[1];
        Await.until("the figure is prepared", java.time.Duration.ofSeconds(60), () -> !Charts.PREPARING.equals((last[0] = chart.get()).emptyReason()));
        return last[0];
    }

    /** A value of a drawn chart; a chart still being prepared has none, which counts as no value yet. */
    static Long value(ChartData chart, String series, String bucket) {
        if (Charts.PREPARING.equals(chart.emptyReason())) {
            return -1L;
        }
        ChartData.Series s = chart.series().stream().filter(x -> x.label().equals(series)).findFirst().orElseThrow();
        return s.values().get(chart.buckets().indexOf(bucket));
    }
}
