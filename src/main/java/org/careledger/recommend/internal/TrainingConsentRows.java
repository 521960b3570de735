package org.careledger.recommend.internal;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Tables {@code recommend_training_consents} (the current choice) and {@code recommend_training_consent_log} (every change). */
@Repository
public class TrainingConsentRows {

    private final JdbcClient jdbc;

    TrainingConsentRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean optedIn(long patientId) {
        return jdbc.sql("SELECT opted_in FROM recommend_training_consents WHERE patient_id = :id").param("id", patientId)
                .query(Boolean.class).optional().orElse(false);
    }

    /** Sets the patient's choice and logs the change, in one transaction; nothing when it is already so. */
    @Transactional
    public void set(long patientId, boolean optedIn, Instant at) {
        boolean known = jdbc.sql("SELECT COUNT(*) FROM recommend_training_consents WHERE patient_id = :id").param("id", patientId)
                .query(Integer.class).single() > 0;
        if (known && optedIn(patientId) == optedIn) {
            return;
        }
        var ts = java.sql.Timestamp.from(at);
        if (known) {
            jdbc.sql("UPDATE recommend_training_consents SET opted_in = :in, changed_at = :at WHERE patient_id = :id")
                    .param("in", optedIn).param("at", ts).param("id", patientId).update();
        } else if (optedIn) {
            jdbc.sql("INSERT INTO recommend_training_consents (patient_id, opted_in, changed_at) VALUES (:id, :in, :at)")
                    .param("id", patientId).param("in", true).param("at", ts).update();
        } else {
            return; // off, and never on: nothing to record
        }
        jdbc.sql("INSERT INTO recommend_training_consent_log (patient_id, opted_in, changed_at) VALUES (:id, :in, :at)")
                .param("id", patientId).param("in", optedIn).param("at", ts).update();
    }

    /** The patients whose choice is on now. */
    public List<Long> optedInPatients() {
        return jdbc.sql("SELECT patient_id FROM recommend_training_consents WHERE opted_in ORDER BY patient_id").query(Long.class).list();
    }

    /** When the patient last changed their choice, or null if never. */
    public Instant changedAt(long patientId) {
        return jdbc.sql("SELECT changed_at FROM recommend_training_consents WHERE patient_id = :id").param("id", patientId)
                .query(java.sql.Timestamp.class).optional().map(java.sql.Timestamp::toInstant).orElse(null);
    }
}
