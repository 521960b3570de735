package org.careledger.records.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A ledger transaction the records module owes: written durably first, then signed and submitted. */
@Entity
@Table(name = "record_ledger_outbox")
public class OutboxItem {

    public enum Kind {
        ANCHOR,
        ACCESS,
        REQUEST,
        GRANT,
        DENY,
        REVOKE,
        EMERGENCY,
        REVIEW
    }

    public enum Status {
        QUEUED,
        PENDING,
        COMMITTED,
        FAILED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "signer_id", nullable = false)
    private Long signerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;

    @Column(name = "related_id")
    private String relatedId;

    @Column(name = "patient_address", nullable = false)
    private String patientAddress;

    @Column(name = "call_bytes", nullable = false)
    private byte[] callBytes;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "tx_id")
    private String txId;

    @Column(name = "block_height")
    private Long blockHeight;

    @Column
    private String error;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected OutboxItem() {
    }

    public OutboxItem(long signerId, Kind kind, String relatedId, String patientAddress, byte[] callBytes, Instant now) {
        this.signerId = signerId;
        this.kind = kind;
        this.relatedId = relatedId;
        this.patientAddress = patientAddress;
        this.callBytes = callBytes.clone();
        this.status = Status.QUEUED;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void submitted(String tx, Instant now) {
        txId = tx;
        status = Status.PENDING;
        error = null;
        updatedAt = now;
    }

    public void committed(long height, Instant now) {
        status = Status.COMMITTED;
        blockHeight = height;
        updatedAt = now;
    }

    public void failed(String reason, Instant now) {
        status = Status.FAILED;
        error = reason.length() <= 500 ? reason : reason.substring(0, 499) + "…";
        updatedAt = now;
    }

    /** Back to the queue: its transaction was lost before it was mined (a crash emptied the mempool). */
    public void requeue(Instant now) {
        status = Status.QUEUED;
        txId = null;
        updatedAt = now;
    }

    public Long getId() {
        return id;
    }

    public long getSignerId() {
        return signerId;
    }

    public Kind getKind() {
        return kind;
    }

    public String getRelatedId() {
        return relatedId;
    }

    public String getPatientAddress() {
        return patientAddress;
    }

    public byte[] getCallBytes() {
        return callBytes.clone();
    }

    public Status getStatus() {
        return status;
    }

    public String getTxId() {
        return txId;
    }

    public Long getBlockHeight() {
        return blockHeight;
    }

    public String getError() {
        return error;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    @Override
    public String toString() {
        return "OutboxItem[" + id + " " + kind + " " + relatedId + " " + status + (txId == null ? "" : " tx " + txId) + "]";
    }
}
