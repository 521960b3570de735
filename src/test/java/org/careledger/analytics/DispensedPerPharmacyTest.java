package org.careledger.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.careledger.Await;
import org.careledger.IntegrationTest;
import org.careledger.analytics.internal.Charts;
import org.careledger.identity.DemoAccounts;
import org.careledger.identity.Role;
import org.careledger.identity.TestAccounts;
import org.careledger.identity.UserDirectory;
import org.careledger.identity.UserProfile;
import org.careledger.provider.Providers;
import org.careledger.wallet.InvoiceFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Dispensings are counted by the pharmacy whose pharmacist dispensed them, named in the chart's legend, at the prescriber's hospital. */
class DispensedPerPharmacyTest extends IntegrationTest {

    @Autowired
    ApplicationContext ctx;
    @Autowired
    ClinicalAnalytics analytics;
    @Autowired
    UserDirectory users;
    @Autowired
    Providers providers;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void aDispensingIsCountedForThePharmacyThatDispensedIt() {
        InvoiceFixture fixture = new InvoiceFixture(ctx);
        UserProfile patient = new TestAccounts(ctx).active(Role.PATIENT);
        org.careledger.wallet.TestFunding.oneToken(ctx, patient); // on the registry, as a patient must be to be prescribed for
        fixture.dispense(patient, 1, 100_000);
        UserProfile pharmacist = users.findByUsername(DemoAccounts.PHARMACIST.username()).orElseThrow();
        String pharmacy = providers.find(pharmacist.providerId()).orElseThrow().name();
        UserProfile doctor = users.findByUsername(DemoAccounts.DOCTOR.username()).orElseThrow();
        String hospital = AnalyticsScope.ofProvider(doctor.providerId());
        Period thisYear = new Period(Grain.MONTHS, LocalDate.now(ZoneOffset.UTC).getYear());

        Await.until("the pharmacy is in the legend of the doctor's hospital", java.time.Duration.ofSeconds(60), () -> {
            ChartData c = TestAccounts.as(DemoAccounts.ADMIN.username(), Role.ADMIN, () -> analytics.charts(thisYear, hospital)).stream()
                    .filter(x -> x.id().equals("dispensed-per-pharmacy")).findFirst().orElseThrow();
            return !Charts.PREPARING.equals(c.emptyReason()) && c.series().stream().anyMatch(s -> s.label().equals(pharmacy));
        });
        ChartData c = TestAccounts.as(DemoAccounts.ADMIN.username(), Role.ADMIN, () -> analytics.charts(thisYear, hospital)).stream()
                .filter(x -> x.id().equals("dispensed-per-pharmacy")).findFirst().orElseThrow();
        assertThat(c.series()).last().extracting(ChartData.Series::label).as("the history's dispensings name no pharmacy")
                .isEqualTo("Pharmacy not recorded");
    }
}
