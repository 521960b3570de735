package org.careledger.records.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Free text behind a consent decision or an emergency (a note, a reason, a comment), sealed under
 * the patient's record key with its salt; only {@code saltedHash} is on chain.
 */
@Entity
@Table(name = "record_private_texts")
public class PrivateText {

    @Id
    @Column(name = "salted_hash")
    private String saltedHash;

    @Column(name = "patient_id", nullable = false)
    private Long patientId;

    @Column(nullable = false)
    private String kind;

    @Column(nullable = false)
    private byte[] sealed;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected PrivateText() {
    }

    public PrivateText(String saltedHash, long patientId, String kind, byte[] sealed, Instant createdAt) {
        this.saltedHash = saltedHash;
        this.patientId = patientId;
        this.kind = kind;
        this.sealed = sealed.clone();
        this.createdAt = createdAt;
    }

    public String getSaltedHash() {
        return saltedHash;
    }

    public long getPatientId() {
        return patientId;
    }

    public String getKind() {
        return kind;
    }

    public byte[] getSealed() {
        return sealed.clone();
    }
}
