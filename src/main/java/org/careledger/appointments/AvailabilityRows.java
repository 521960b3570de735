package org.careledger.appointments;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.careledger.identity.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Doctors' weekly hours and one-off changes, as plain rows. */
@Component
class AvailabilityRows {

    private final JdbcClient jdbc;

    AvailabilityRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<WeeklyHours> weekly(UserId doctor) {
        return jdbc.sql("SELECT day_of_week, starts, ends, slot_minutes FROM appointment_weekly_hours WHERE doctor_id = ?"
                        + " ORDER BY day_of_week, starts")
                .param(doctor.value())
                .query((rs, n) -> new WeeklyHours(DayOfWeek.of(rs.getInt(1)), rs.getObject(2, LocalTime.class),
                        rs.getObject(3, LocalTime.class), rs.getInt(4)))
                .list();
    }

    /** Replaces the doctor's weekly hours, in the caller's transaction. */
    void replaceWeekly(UserId doctor, List<WeeklyHours> hours) {
        jdbc.sql("DELETE FROM appointment_weekly_hours WHERE doctor_id = ?").param(doctor.value()).update();
        for (WeeklyHours h : hours) {
            jdbc.sql("INSERT INTO appointment_weekly_hours (doctor_id, day_of_week, starts, ends, slot_minutes) VALUES (?, ?, ?, ?, ?)")
                    .params(doctor.value(), h.day().getValue(), h.from(), h.to(), h.slotMinutes()).update();
        }
    }

    /** The doctor's changes on {@code from} or later, by date. */
    List<AvailabilityChange> changes(UserId doctor, LocalDate from) {
        return jdbc.sql("SELECT id, on_date, kind, starts, ends, slot_minutes FROM appointment_changes WHERE doctor_id = ? AND on_date >= ?"
                        + " ORDER BY on_date, id")
                .params(doctor.value(), from)
                .query((rs, n) -> new AvailabilityChange(rs.getLong(1), rs.getObject(2, LocalDate.class),
                        AvailabilityChange.Kind.valueOf(rs.getString(3)), rs.getObject(4, LocalTime.class), rs.getObject(5, LocalTime.class),
                        rs.getInt(6)))
                .list();
    }

    Optional<AvailabilityChange> change(UserId doctor, long id) {
        return changes(doctor, LocalDate.of(1970, 1, 1)).stream().filter(c -> c.id() == id).findFirst();
    }

    void addChange(UserId doctor, AvailabilityChange c, Instant now) {
        jdbc.sql("INSERT INTO appointment_changes (doctor_id, on_date, kind, starts, ends, slot_minutes, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(doctor.value(), c.date(), c.kind().name(), c.from(), c.to(), c.kind() == AvailabilityChange.Kind.DAY_OFF ? null
                        : c.slotMinutes(), now.atOffset(ZoneOffset.UTC))
                .update();
    }

    void removeChange(UserId doctor, long id) {
        jdbc.sql("DELETE FROM appointment_changes WHERE doctor_id = ? AND id = ?").params(doctor.value(), id).update();
    }

    /** The doctors who published any hours. */
    List<Long> doctorsWithHours() {
        return jdbc.sql("SELECT DISTINCT doctor_id FROM appointment_weekly_hours UNION SELECT DISTINCT doctor_id FROM appointment_changes"
                + " WHERE kind = 'EXTRA_HOURS'").query(Long.class).list();
    }
}
