package org.careledger.outbox.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One queued ledger call (table {@code ledger_outbox}): written with the change it belongs to, then
 * signed, submitted and settled. See the migration for what each column holds.
 */
@Entity
@Table(name = "ledger_outbox")
public class OutboxRow {

    public enum Status {
        QUEUED,
        PENDING,
        COMMITTED,
        REFUSED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String kind;

    @Column(name = "signer_user_id")
    private Long signerUserId;

    @Column(name = "signer_key")
    private String signerKey;

    @Column
    private String subject;

    @Column(name = "related_id")
    private String relatedId;

    @Column(name = "call_bytes", nullable = false)
    private byte[] callBytes;

    @Column(nullable = false)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Status status;

    @Column(name = "tx_id")
    private String txId;

    @Column
    private Long nonce;

    @Column
    private Long fee;

    @Column(name = "block_height")
    private Long blockHeight;

    @Column(name = "refusal_rule")
    private String refusalRule;

    @Column
    private String error;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected OutboxRow() {
    }

    public OutboxRow(String kind, Long signerUserId, String signerKey, String subject, String relatedId, byte[] callBytes, Instant now) {
        this.kind = kind;
        this.signerUserId = signerUserId;
        this.signerKey = signerKey;
        this.subject = subject;
        this.relatedId = relatedId;
        this.callBytes = callBytes.clone();
        this.status = Status.QUEUED;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Signed as transaction {@code tx} and (about to be) submitted. */
    public void signed(String tx, long nonce, long fee, Instant now) {
        this.txId = tx;
        this.nonce = nonce;
        this.fee = fee;
        this.status = Status.PENDING;
        this.error = null;
        this.updatedAt = now;
    }

    public void committed(long height, Instant now) {
        status = Status.COMMITTED;
        blockHeight = height;
        updatedAt = now;
    }

    public void refused(String rule, String plainWords, Instant now) {
        status = Status.REFUSED;
        refusalRule = rule.length() <= 80 ? rule : rule.substring(0, 80);
        error = plainWords.length() <= 500 ? plainWords : plainWords.substring(0, 499) + "…";
        updatedAt = now;
    }

    /** Back to the queue, to be signed again: its transaction was lost, or never reached the ledger. */
    public void requeue(Instant now) {
        status = Status.QUEUED;
        txId = null;
        nonce = null;
        fee = null;
        updatedAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getKind() {
        return kind;
    }

    public Long getSignerUserId() {
        return signerUserId;
    }

    public String getSignerKey() {
        return signerKey;
    }

    public String getSubject() {
        return subject;
    }

    public String getRelatedId() {
        return relatedId;
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

    public Long getNonce() {
        return nonce;
    }

    public Long getBlockHeight() {
        return blockHeight;
    }

    public String getRefusalRule() {
        return refusalRule;
    }

    public String getError() {
        return error;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    @Override
    public String toString() {
        return "OutboxRow[" + id + " " + kind + " " + (relatedId == null ? "" : relatedId + " ") + status
                + (txId == null ? "" : " tx " + txId.substring(0, Math.min(12, txId.length()))) + "]";
    }
}
