package org.careledger.records.internal;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcType;

import org.careledger.contracts.RecordCategory;
import org.careledger.records.EntryStatus;

/**
 * One entry of a patient's record as stored: metadata in the clear, content sealed. {@code sealed}
 * is AES-256-GCM under the entry key of (32-byte salt, canonical content); the entry key is wrapped
 * by the patient's record key. Comments and reasons are sealed under the patient's record key.
 *
 * <p>An entry has an author (the doctor who wrote it, or the patient for a self-reported one) or, when
 * it came from elsewhere, the source it was imported from; never both. Its clinical date (a condition's
 * onset, a medicine's start, the day a note was written) is when it happened; {@code createdAt} is
 * when it was stored here. Like the author, neither is part of the anchored hash.
 */
@Entity
@Table(name = "record_entries")
public class StoredEntry {

    @Id
    @Column(name = "entry_id")
    private String entryId;

    @Column(name = "patient_id", nullable = false)
    private Long patientId;

    @Column(name = "patient_address", nullable = false)
    private String patientAddress;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RecordCategory category;

    @Column(nullable = false)
    private long version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private EntryStatus status;

    @Column(name = "author_id")
    private Long authorId;

    @Column(name = "imported_from")
    private String importedFrom;

    @Column(name = "clinical_date", nullable = false)
    private LocalDate clinicalDate;

    @Column(name = "self_reported", nullable = false)
    private boolean selfReported;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "wrapped_entry_key")
    private byte[] wrappedEntryKey;

    @JdbcType(LongBytesJdbcType.class)
    @Column(name = "sealed")
    private byte[] sealed;

    @Column(name = "salted_hash")
    private String saltedHash;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "rejection_comment")
    private byte[] rejectionComment;

    @Column(name = "anchor_tx")
    private String anchorTx;

    @Column(name = "erasure_requested_at")
    private Instant erasureRequestedAt;

    @Column(name = "erasure_reason")
    private byte[] erasureReason;

    @Column(name = "erased_at")
    private Instant erasedAt;

    @Column(name = "erased_by")
    private Long erasedBy;

    /** The prescription (its id on chain) whose content hash anchors this entry, for an entry a prescription wrote. */
    @Column(name = "prescription_id")
    private String prescriptionId;

    protected StoredEntry() {
    }

    /**
     * @param authorId     who wrote it; null for an imported entry
     * @param importedFrom where an imported entry came from ("Synthea"); null for a written one
     */
    public StoredEntry(String entryId, long patientId, String patientAddress, RecordCategory category, long version,
                       EntryStatus status, Long authorId, String importedFrom, boolean selfReported, LocalDate clinicalDate,
                       Instant createdAt, byte[] wrappedEntryKey, byte[] sealed, String saltedHash) {
        if ((authorId == null) == (importedFrom == null)) {
            throw new IllegalArgumentException("An entry has either an author or an import source");
        }
        this.entryId = entryId;
        this.patientId = patientId;
        this.patientAddress = patientAddress;
        this.category = category;
        this.version = version;
        this.status = status;
        this.authorId = authorId;
        this.importedFrom = importedFrom;
        this.selfReported = selfReported;
        this.clinicalDate = clinicalDate;
        this.createdAt = createdAt;
        this.wrappedEntryKey = wrappedEntryKey;
        this.sealed = sealed;
        this.saltedHash = saltedHash;
    }

    public void approve(Instant at) {
        status = EntryStatus.APPROVED;
        decidedAt = at;
    }

    public void reject(Instant at, byte[] sealedComment) {
        status = EntryStatus.REJECTED;
        decidedAt = at;
        rejectionComment = sealedComment;
    }

    public void requestErasure(Instant at, byte[] sealedReason) {
        erasureRequestedAt = at;
        erasureReason = sealedReason;
    }

    /** Keeps the entry; the admin's comment, sealed, replaces the patient's reason. */
    public void declineErasure(byte[] sealedComment) {
        erasureRequestedAt = null;
        erasureReason = sealedComment;
    }

    /** Forgets key, salt and content; the on-chain anchor and this row's metadata remain. */
    public void erase(Instant at, long by) {
        status = EntryStatus.ERASED;
        wrappedEntryKey = null;
        sealed = null;
        erasureReason = null;
        erasedAt = at;
        erasedBy = by;
    }

    public void anchoredBy(String txId) {
        anchorTx = txId;
    }

    /** This entry is the content of prescription {@code chainId}, which anchors it. */
    public void prescribedBy(String chainId) {
        prescriptionId = chainId;
    }

    public String getPrescriptionId() {
        return prescriptionId;
    }

    public String getEntryId() {
        return entryId;
    }

    public long getPatientId() {
        return patientId;
    }

    public String getPatientAddress() {
        return patientAddress;
    }

    public RecordCategory getCategory() {
        return category;
    }

    public long getVersion() {
        return version;
    }

    public EntryStatus getStatus() {
        return status;
    }

    /** Who wrote it; null for an imported entry. */
    public Long getAuthorId() {
        return authorId;
    }

    /** Where an imported entry came from; null for one written here. */
    public String getImportedFrom() {
        return importedFrom;
    }

    public LocalDate getClinicalDate() {
        return clinicalDate;
    }

    public boolean isSelfReported() {
        return selfReported;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public byte[] getWrappedEntryKey() {
        return wrappedEntryKey;
    }

    public byte[] getSealed() {
        return sealed;
    }

    public String getSaltedHash() {
        return saltedHash;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public byte[] getRejectionComment() {
        return rejectionComment;
    }

    public String getAnchorTx() {
        return anchorTx;
    }

    public Instant getErasureRequestedAt() {
        return erasureRequestedAt;
    }

    public byte[] getErasureReason() {
        return erasureReason;
    }

    public Instant getErasedAt() {
        return erasedAt;
    }

    @Override
    public String toString() {
        return "StoredEntry[" + entryId + " " + category + " v" + version + " " + status + "]";
    }
}
