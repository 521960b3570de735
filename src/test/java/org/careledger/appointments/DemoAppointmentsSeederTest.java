package org.careledger.appointments;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.careledger.IntegrationTest;
import org.careledger.common.TokenAmount;
import org.careledger.contracts.AppointmentQueries;
import org.careledger.identity.DemoAccounts;
import org.careledger.identity.Role;
import org.careledger.identity.TestAccounts;
import org.careledger.identity.UserDirectory;
import org.careledger.identity.UserProfile;
import org.careledger.node.LedgerService;
import org.careledger.wallet.Invoicing;
import org.careledger.wallet.WalletInvoice;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careledger.appointments.AppointmentPeople.as;

/**
 * What a new user of the demo sees once the appointments are seeded: doctors with hours and fees, and
 * the demo patient with one upcoming appointment, one cancelled in time and refunded, and one
 * completed whose paid invoice is in their wallet, all through the contract.
 */
class DemoAppointmentsSeederTest extends IntegrationTest {

    @Autowired
    DemoAppointmentsSeeder seeder;
    @Autowired
    AppointmentBooking booking;
    @Autowired
    DoctorAppointments doctors;
    @Autowired
    Invoicing invoicing;
    @Autowired
    UserDirectory directory;
    @Autowired
    LedgerService ledger;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void theDemoPatientHasAnUpcomingACancelledAndACompletedAndPaidAppointmentAndEveryDoctorHasHoursAndAFee() {
        seeder.seed(Duration.ofSeconds(20));

        UserProfile zoe = directory.findByUsername(DemoAccounts.PATIENT.username()).orElseThrow();
        UserProfile moreau = directory.findByUsername(DemoAccounts.DOCTOR.username()).orElseThrow();
        List<AppointmentView> mine = as(zoe, () -> booking.mine());
        assertThat(mine).extracting(AppointmentView::state).containsExactlyInAnyOrder(AppointmentState.COMPLETED, AppointmentState.BOOKED,
                AppointmentState.CANCELLED);
        AppointmentView upcoming = mine.stream().filter(v -> v.state() == AppointmentState.BOOKED).findFirst().orElseThrow();
        assertThat(upcoming.start()).isAfter(Instant.now().plus(Duration.ofDays(3)));
        assertThat(upcoming.doctorName()).isEqualTo(moreau.fullName());
        assertThat(upcoming.reason()).isEqualTo("Follow-up of my blood pressure readings");
        assertThat(upcoming.cancellable()).isTrue();
        assertThat(upcoming.fee()).isEqualTo(TokenAmount.parse(DemoAppointmentsSeeder.DEMO_DOCTOR_FEE, "fee").baseUnits());

        AppointmentView completed = mine.stream().filter(v -> v.state() == AppointmentState.COMPLETED).findFirst().orElseThrow();
        List<WalletInvoice> invoices = as(zoe, () -> invoicing.myInvoices());
        assertThat(invoices).as("the consultation's paid invoice").anySatisfy(i -> {
            assertThat(i.total()).isEqualTo(completed.fee());
            assertThat(i.lines()).anySatisfy(l -> assertThat(l.name()).isEqualTo("Consultation"));
        });

        for (UserProfile d : directory.activeProfilesWithRole(Role.DOCTOR)) {
            if (d.providerId() != null && d.username().endsWith("@careledger.test")) {
                DoctorSettings settings = as(d, () -> doctors.settings());
                assertThat(settings.weekly()).as("%s's hours", d.fullName()).isNotEmpty();
                assertThat(settings.ownFee() != null || settings.defaultFee() != null).as("%s charges a fee", d.fullName()).isTrue();
            }
        }
        assertThat(AppointmentQueries.feeOf(ledger.committedState(), moreau.ledgerAddress()).orElseThrow())
                .isEqualTo(TokenAmount.parse(DemoAppointmentsSeeder.DEMO_DOCTOR_FEE, "fee").baseUnits());
        assertThat(as(moreau, () -> doctors.myZone()).getId()).isEqualTo(DemoAppointmentsSeeder.ZONE);
    }
}
