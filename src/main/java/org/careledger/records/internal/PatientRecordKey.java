package org.careledger.records.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A patient's record key, wrapped under the install's master key. */
@Entity
@Table(name = "record_patient_keys")
public class PatientRecordKey {

    @Id
    @Column(name = "patient_id")
    private Long patientId;

    @Column(name = "wrapped_key", nullable = false)
    private byte[] wrappedKey;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected PatientRecordKey() {
    }

    public PatientRecordKey(long patientId, byte[] wrappedKey, Instant createdAt) {
        this.patientId = patientId;
        this.wrappedKey = wrappedKey.clone();
        this.createdAt = createdAt;
    }

    public long getPatientId() {
        return patientId;
    }

    public byte[] getWrappedKey() {
        return wrappedKey.clone();
    }
}
