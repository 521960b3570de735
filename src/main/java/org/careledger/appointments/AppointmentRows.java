package org.careledger.appointments;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.careledger.common.NotFoundException;
import org.careledger.crypto.Address;
import org.careledger.identity.UserId;
import org.careledger.ledger.Hash;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The portal's row of each booking made here: its own id, the id on chain once the booking is mined,
 * the reason's salted hash, whether it was refused, and whether its reminder went out. A row holds its
 * doctor's slot on this node ({@code active_start}, unique per doctor) from the moment it is asked
 * for until it is refused or final, so two patients of one portal never both get one slot; between
 * portals, the contract decides.
 */
@Component
class AppointmentRows {

    private static final String COLUMNS = "id, patient_id, patient_address, doctor_id, doctor_address, starts_at, ends_at, fee, active_start,"
            + " reason_hash, chain_id, booked_block, refused, decline_reason, reminded, created_at";

    private final JdbcClient jdbc;

    AppointmentRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A booking made through this portal. {@code chainId} is null until its transaction is mined. */
    record Booking(String id, UserId patient, Address patientAddress, UserId doctor, Address doctorAddress, long start, long end, long fee,
                   boolean holdsSlot, Hash reasonHash, Hash chainId, Long bookedBlock, String refused, String declineReason,
                   boolean reminded, Instant createdAt) {

        boolean onChain() {
            return chainId != null;
        }
    }

    void insert(Booking b) {
        jdbc.sql("INSERT INTO appointment_bookings (id, patient_id, patient_address, doctor_id, doctor_address, starts_at, ends_at, fee,"
                        + " active_start, reason_hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(b.id(), b.patient().value(), b.patientAddress().toString(), b.doctor().value(), b.doctorAddress().toString(),
                        b.start(), b.end(), b.fee(), b.start(), b.reasonHash() == null ? null : b.reasonHash().hex(),
                        b.createdAt().atOffset(ZoneOffset.UTC))
                .update();
    }

    Optional<Booking> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM appointment_bookings WHERE id = ?").param(id).query(AppointmentRows::booking).optional();
    }

    Booking require(String id) {
        return find(id).orElseThrow(() -> new NotFoundException("There is no appointment " + id));
    }

    Optional<Booking> byChainId(Hash chainId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM appointment_bookings WHERE chain_id = ?").param(chainId.hex())
                .query(AppointmentRows::booking).optional();
    }

    List<Booking> ofPatient(UserId patient) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM appointment_bookings WHERE patient_id = ? ORDER BY starts_at, id")
                .param(patient.value()).query(AppointmentRows::booking).list();
    }

    /** The doctor's bookings made here that start in [from, to). */
    List<Booking> ofDoctor(UserId doctor, long from, long to) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM appointment_bookings WHERE doctor_id = ? AND starts_at >= ? AND starts_at < ?"
                        + " ORDER BY starts_at, id")
                .params(doctor.value(), from, to).query(AppointmentRows::booking).list();
    }

    /** Bookings that hold their slot and start in [from, to): the reminders' candidates. */
    List<Booking> holdingBetween(long from, long to) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM appointment_bookings WHERE active_start IS NOT NULL AND starts_at >= ? AND starts_at < ?"
                        + " AND reminded = FALSE ORDER BY starts_at")
                .params(from, to).query(AppointmentRows::booking).list();
    }

    void booked(String id, Hash chainId, long height) {
        jdbc.sql("UPDATE appointment_bookings SET chain_id = ?, booked_block = ? WHERE id = ?").params(chainId.hex(), height, id).update();
    }

    void refused(String id, String message) {
        jdbc.sql("UPDATE appointment_bookings SET refused = ?, active_start = NULL WHERE id = ?").params(message, id).update();
    }

    /** The booking reached a final state: its slot is free again here. */
    void released(String id) {
        jdbc.sql("UPDATE appointment_bookings SET active_start = NULL WHERE id = ?").param(id).update();
    }

    void declineReason(String id, String reason) {
        jdbc.sql("UPDATE appointment_bookings SET decline_reason = ? WHERE id = ?").params(reason, id).update();
    }

    void reminded(String id) {
        jdbc.sql("UPDATE appointment_bookings SET reminded = TRUE WHERE id = ?").param(id).update();
    }

    private static Booking booking(ResultSet rs, int n) throws SQLException {
        String reason = rs.getString("reason_hash");
        String chain = rs.getString("chain_id");
        Long block = rs.getObject("booked_block") == null ? null : rs.getLong("booked_block");
        return new Booking(rs.getString("id"), new UserId(rs.getLong("patient_id")), Address.parse(rs.getString("patient_address")),
                new UserId(rs.getLong("doctor_id")), Address.parse(rs.getString("doctor_address")), rs.getLong("starts_at"),
                rs.getLong("ends_at"), rs.getLong("fee"), rs.getObject("active_start") != null,
                reason == null ? null : Hash.fromHex(reason), chain == null ? null : Hash.fromHex(chain), block,
                rs.getString("refused"), rs.getString("decline_reason"), rs.getBoolean("reminded"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
