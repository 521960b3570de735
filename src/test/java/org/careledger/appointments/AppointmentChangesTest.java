package org.careledger.appointments;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.careledger.identity.UserId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** An appointment's change reaches the pages its doctor and its patient have open, and nobody else's. */
class AppointmentChangesTest {

    private static final UserId DOCTOR = new UserId(1);
    private static final UserId PATIENT = new UserId(2);
    private static final UserId SOMEONE_ELSE = new UserId(3);

    @Test
    void aBookingTellsTheDoctorsAndThePatientsOpenPagesAndNoOneElsesAndAnUnsubscribedPageHearsNothing() {
        AppointmentChanges changes = new AppointmentChanges();
        List<String> heard = new ArrayList<>();
        Runnable doctorGone = changes.subscribe(DOCTOR, () -> heard.add("doctor"));
        changes.subscribe(PATIENT, () -> heard.add("patient"));
        changes.subscribe(SOMEONE_ELSE, () -> heard.add("someone else"));
        changes.subscribe(DOCTOR, () -> {
            throw new IllegalStateException("a page that has gone away");
        });

        changes.on(new AppointmentBooked("a1", PATIENT, DOCTOR, "Dr A", "P B", Instant.EPOCH, 1, 7));
        assertThat(heard).containsExactlyInAnyOrder("doctor", "patient");

        heard.clear();
        doctorGone.run();
        changes.on(new AppointmentDeclined("a1", PATIENT, DOCTOR, "Dr A", "P B", Instant.EPOCH, 1, 8, "away", false));
        assertThat(heard).containsExactly("patient");
    }
}
