package org.careledger.appointments;

import static org.careledger.appointments.AppointmentPeople.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.careledger.Await;
import org.careledger.IntegrationTest;
import org.careledger.analytics.AnalyticsScope;
import org.careledger.analytics.ChartData;
import org.careledger.analytics.ClinicalAnalytics;
import org.careledger.analytics.DoctorAnalytics;
import org.careledger.analytics.Grain;
import org.careledger.analytics.Period;
import org.careledger.analytics.internal.Charts;
import org.careledger.identity.TestAccounts;
import org.careledger.identity.UserProfile;
import org.careledger.wallet.TestFunding;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Appointments in the analytics: bookings and their outcomes counted on the block's day at the doctor's
 * provider, per doctor by name for admins, and on the doctor's own page; fewer than 5 patients show as
 * "&lt; 5".
 */
class AppointmentFiguresTest extends IntegrationTest {

    @Autowired
    ApplicationContext ctx;
    @Autowired
    AppointmentBooking booking;
    @Autowired
    DoctorAppointments doctors;
    @Autowired
    ClinicalAnalytics analytics;
    @Autowired
    DoctorAnalytics doctorAnalytics;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void bookingsAndConfirmationsAreCountedPerProviderAndPerDoctorAndSuppressedUnderFivePatients() {
        AppointmentPeople people = new AppointmentPeople(ctx);
        UserProfile doctor = people.doctor("0.5");
        String provider = AnalyticsScope.ofProvider(doctor.providerId());
        TestAccounts accounts = new TestAccounts(ctx);
        List<AppointmentView> booked = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            UserProfile patient = people.patient();
            TestFunding.oneToken(ctx, patient);
            Slot slot = as(patient, () -> booking.nextFreeSlots(doctor.id(), 1)).get(0);
            AppointmentView v = as(patient, () -> booking.book(doctor.id(), slot.start(), TestFunding.ONE_TOKEN / 2, "Check-up"));
            Await.until("the booking is on the ledger", () -> as(patient, () -> booking.find(v.id())).chainId() != null);
            booked.add(v);
        }
        as(doctor, () -> doctors.confirm(booked.get(0).id()));
        String month = LocalDate.now(ZoneOffset.UTC).toString().substring(0, 7);
        Period thisYear = new Period(Grain.MONTHS, LocalDate.now(ZoneOffset.UTC).getYear());

        Await.until("five bookings and one confirmation (< 5) at the doctor's provider", () -> {
            ChartData c = accounts.asAdmin(() -> analytics.charts(thisYear, provider)).stream().filter(x -> x.id().equals("appointments"))
                    .findFirst().orElseThrow();
            return !Charts.PREPARING.equals(c.emptyReason()) && Long.valueOf(5).equals(value(c, "Booked", month))
                    && value(c, "Confirmed", month) == null;
        });
        Await.until("the doctor by name with five bookings", () -> {
            ChartData c = accounts.asAdmin(() -> analytics.charts(thisYear, provider)).stream()
                    .filter(x -> x.id().equals("appointments-per-doctor")).findFirst().orElseThrow();
            return c.series().stream().anyMatch(s -> s.label().equals(doctor.fullName())) && Long.valueOf(5).equals(value(c, doctor.fullName(), month));
        });
        Await.until("the doctor's own page counts them", () -> {
            ChartData c = as(doctor, () -> doctorAnalytics.myCharts(thisYear)).stream().filter(x -> x.id().equals("appointments"))
                    .findFirst().orElseThrow();
            return !Charts.PREPARING.equals(c.emptyReason()) && Long.valueOf(5).equals(value(c, "Booked", month));
        });
    }

    private static Long value(ChartData chart, String series, String bucket) {
        ChartData.Series s = chart.series().stream().filter(x -> x.label().equals(series)).findFirst().orElseThrow();
        return s.values().get(chart.buckets().indexOf(bucket));
    }
}
