package org.careledger.pharmacy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.careledger.common.NotFoundException;
import org.careledger.crypto.Address;
import org.careledger.identity.UserId;
import org.careledger.ledger.Hash;
import org.careledger.records.EntryId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The portal's own rows beside the chain: each prescription (its record entry, the QR secret, its
 * id on chain once mined), which pharmacy may open which prescription, and each fill a pharmacist
 * asked for. Plain JDBC: the rows are few and flat.
 */
@Component
class PrescriptionRows {

    private static final String RX = "id, patient_id, patient_address, prescriber_id, entry_id, rxnorm, chain_id, issued_block, qr_seed,"
            + " presenting, refused, cancel_reason, created_at";
    private static final String FILL = "id, prescription_id, provider_id, pharmacist_id, quantity, unit_price, batch, pack_expiry, pack_salt,"
            + " chain_id, block_height, refused, created_at";

    private final JdbcClient jdbc;

    PrescriptionRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A prescription as the portal keeps it. {@code chainId} is null until the issuing transaction is mined. */
    record Rx(String id, UserId patient, Address patientAddress, UserId prescriber, EntryId entryId, RxNormCode medicine,
              Hash chainId, Long issuedBlock, String qrSeed, String presenting, String refused, String cancelReason,
              Instant createdAt) {

        boolean onChain() {
            return chainId != null;
        }
    }

    /** A fill a pharmacist asked for. {@code chainId} (the dispensing's and its invoice's id) is null until mined. */
    record FillRow(String id, String prescriptionId, long providerId, UserId pharmacist, long quantity, long unitPrice, String batch,
                   LocalDate packExpiry, String packSalt, Hash chainId, Long blockHeight, String refused, Instant createdAt) {

        boolean inFlight() {
            return chainId == null && refused == null;
        }
    }

    void insert(Rx rx) {
        jdbc.sql("INSERT INTO pharmacy_prescriptions (id, patient_id, patient_address, prescriber_id, entry_id, rxnorm, qr_seed, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(rx.id(), rx.patient().value(), rx.patientAddress().toString(), rx.prescriber().value(), rx.entryId().value(),
                        rx.medicine().value(), rx.qrSeed(), rx.createdAt().atOffset(ZoneOffset.UTC))
                .update();
    }

    Optional<Rx> find(String id) {
        return jdbc.sql("SELECT " + RX + " FROM pharmacy_prescriptions WHERE id = ?").param(id).query(PrescriptionRows::rx).optional();
    }

    Rx require(String id) {
        return find(id).orElseThrow(() -> new NotFoundException("There is no prescription " + id));
    }

    List<Rx> ofPatient(UserId patient) {
        return jdbc.sql("SELECT " + RX + " FROM pharmacy_prescriptions WHERE patient_id = ? ORDER BY created_at DESC, id")
                .param(patient.value()).query(PrescriptionRows::rx).list();
    }

    List<Rx> byPrescriberFor(UserId prescriber, UserId patient) {
        return jdbc.sql("SELECT " + RX + " FROM pharmacy_prescriptions WHERE prescriber_id = ? AND patient_id = ? ORDER BY created_at DESC, id")
                .params(prescriber.value(), patient.value()).query(PrescriptionRows::rx).list();
    }

    /** The prescriptions pharmacy {@code providerId} may open, most recently opened first, with when and how. */
    List<Rx> openTo(long providerId) {
        return jdbc.sql("SELECT " + prefixed("p", RX) + " FROM pharmacy_prescriptions p JOIN pharmacy_prescription_access a"
                        + " ON a.prescription_id = p.id WHERE a.provider_id = ? ORDER BY a.at DESC, p.id")
                .param(providerId).query(PrescriptionRows::rx).list();
    }

    void issued(String id, Hash chainId, long block) {
        jdbc.sql("UPDATE pharmacy_prescriptions SET chain_id = ?, issued_block = ? WHERE id = ?").params(chainId.hex(), block, id).update();
    }

    void refused(String id, String why) {
        jdbc.sql("UPDATE pharmacy_prescriptions SET refused = ? WHERE id = ?").params(clip(why), id).update();
    }

    void cancelling(String id, String reason, String salt) {
        jdbc.sql("UPDATE pharmacy_prescriptions SET cancel_reason = ?, cancel_salt = ? WHERE id = ?").params(reason, salt, id).update();
    }

    /**
     * Reserves the prescription for one fill from this portal, which presents {@code secret}, if no
     * other fill of it is on its way from here. Returns whether it did (false: another pharmacist's
     * fill is in flight).
     */
    boolean reserveFill(String id, String secret) {
        return jdbc.sql("UPDATE pharmacy_prescriptions SET presenting = ? WHERE id = ? AND presenting IS NULL")
                .params(secret, id).update() == 1;
    }

    /** The fill on its way was mined or refused: the prescription may be filled again. */
    void fillSettled(String id) {
        jdbc.sql("UPDATE pharmacy_prescriptions SET presenting = NULL WHERE id = ?").param(id).update();
    }

    /** Lets pharmacy {@code providerId} open the prescription (the first way it was opened is kept). */
    void allow(String prescriptionId, long providerId, String via, UserId by, Instant at) {
        jdbc.sql("INSERT INTO pharmacy_prescription_access (prescription_id, provider_id, via, by_user, at)"
                        + " SELECT ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM pharmacy_prescription_access"
                        + " WHERE prescription_id = ? AND provider_id = ?)")
                .params(prescriptionId, providerId, via, by.value(), at.atOffset(ZoneOffset.UTC), prescriptionId, providerId).update();
    }

    boolean allowed(String prescriptionId, long providerId) {
        return jdbc.sql("SELECT COUNT(*) FROM pharmacy_prescription_access WHERE prescription_id = ? AND provider_id = ?")
                .params(prescriptionId, providerId).query(Long.class).single() > 0;
    }

    /** The pharmacies the patient sent the prescription to, first first. */
    List<Long> pharmaciesOf(String prescriptionId) {
        return jdbc.sql("SELECT provider_id FROM pharmacy_prescription_access WHERE prescription_id = ? AND via = 'SENT' ORDER BY at")
                .param(prescriptionId).query(Long.class).list();
    }

    void insertFill(FillRow f) {
        jdbc.sql("INSERT INTO pharmacy_dispensings (id, prescription_id, provider_id, pharmacist_id, quantity, unit_price, batch, pack_expiry,"
                        + " pack_salt, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(f.id(), f.prescriptionId(), f.providerId(), f.pharmacist().value(), f.quantity(), f.unitPrice(), f.batch(),
                        f.packExpiry(), f.packSalt(), f.createdAt().atOffset(ZoneOffset.UTC))
                .update();
    }

    Optional<FillRow> fill(String id) {
        return jdbc.sql("SELECT " + FILL + " FROM pharmacy_dispensings WHERE id = ?").param(id).query(PrescriptionRows::fill).optional();
    }

    Optional<FillRow> fillByChainId(Hash chainId) {
        return jdbc.sql("SELECT " + FILL + " FROM pharmacy_dispensings WHERE chain_id = ?").param(chainId.hex())
                .query(PrescriptionRows::fill).optional();
    }

    List<FillRow> fillsOf(String prescriptionId) {
        return jdbc.sql("SELECT " + FILL + " FROM pharmacy_dispensings WHERE prescription_id = ? ORDER BY created_at DESC, id")
                .param(prescriptionId).query(PrescriptionRows::fill).list();
    }

    List<FillRow> fillsAt(long providerId, int limit) {
        return jdbc.sql("SELECT " + FILL + " FROM pharmacy_dispensings WHERE provider_id = ? ORDER BY created_at DESC, id FETCH FIRST ? ROWS ONLY")
                .params(providerId, limit).query(PrescriptionRows::fill).list();
    }

    void fillMined(String id, Hash chainId, long block) {
        jdbc.sql("UPDATE pharmacy_dispensings SET chain_id = ?, block_height = ? WHERE id = ?").params(chainId.hex(), block, id).update();
    }

    void fillRefused(String id, String why) {
        jdbc.sql("UPDATE pharmacy_dispensings SET refused = ? WHERE id = ?").params(clip(why), id).update();
    }

    private static String clip(String text) {
        return text == null || text.length() <= 500 ? text : text.substring(0, 499) + "…";
    }

    private static String prefixed(String alias, String columns) {
        return alias + "." + columns.replace(", ", ", " + alias + ".");
    }

    private static Rx rx(ResultSet r, int n) throws SQLException {
        String chain = r.getString("chain_id");
        long block = r.getLong("issued_block");
        boolean noBlock = r.wasNull();
        return new Rx(r.getString("id"), new UserId(r.getLong("patient_id")), Address.parse(r.getString("patient_address")),
                new UserId(r.getLong("prescriber_id")), new EntryId(r.getString("entry_id")), RxNormCode.of(r.getString("rxnorm")),
                chain == null ? null : Hash.fromHex(chain), noBlock ? null : block, r.getString("qr_seed"),
                r.getString("presenting"), r.getString("refused"), r.getString("cancel_reason"),
                r.getObject("created_at", java.time.OffsetDateTime.class).toInstant());
    }

    private static FillRow fill(ResultSet r, int n) throws SQLException {
        String chain = r.getString("chain_id");
        long block = r.getLong("block_height");
        boolean noBlock = r.wasNull();
        return new FillRow(r.getString("id"), r.getString("prescription_id"), r.getLong("provider_id"), new UserId(r.getLong("pharmacist_id")),
                r.getLong("quantity"), r.getLong("unit_price"), r.getString("batch"), r.getObject("pack_expiry", LocalDate.class),
                r.getString("pack_salt"), chain == null ? null : Hash.fromHex(chain), noBlock ? null : block, r.getString("refused"),
                r.getObject("created_at", java.time.OffsetDateTime.class).toInstant());
    }
}
