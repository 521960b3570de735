package org.careledger.records;

import java.time.LocalDate;
import java.util.Optional;
import org.careledger.crypto.CryptoException;
import org.careledger.identity.UserId;
import org.careledger.contracts.RecordCategory;
import org.careledger.records.internal.StoredEntry;
import org.careledger.records.internal.StoredEntryRepository;
import org.springframework.stereotype.Component;

/**
 * The coded facts of one anchored diagnosis for the hospital's aggregate figures (analytics): its code
 * system and code, clinical date and author. No name, no address, no free text, and no person reads
 * it: the figures built from it are counts, suppressed below 5 patients. Not a read of the patient's
 * record on the ledger's audit, as no one sees the entry.
 */
@Component
public class ClinicalFacts {

    private final StoredEntryRepository entries;
    private final RecordVault vault;

    ClinicalFacts(StoredEntryRepository entries, RecordVault vault) {
        this.entries = entries;
        this.vault = vault;
    }

    /** A diagnosis as a figure counts it; {@code author} is null for an imported entry. */
    public record Diagnosis(String codeSystem, String code, LocalDate clinicalDate, UserId author) {
    }

    /**
     * The diagnosis entry {@code entryId} at {@code version}, if it is one, still that version, and opens
     * and matches its anchored hash; empty otherwise (another category, erased, damaged).
     */
    public Optional<Diagnosis> diagnosis(String entryId, long version) {
        Optional<StoredEntry> found = entries.findById(entryId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        StoredEntry e = found.get();
        if (e.getCategory() != RecordCategory.DIAGNOSIS || e.getVersion() != version || e.getSealed() == null) {
            return Optional.empty();
        }
        try {
            RecordVault.OpenedEntry o = vault.open(new UserId(e.getPatientId()), e.getEntryId(), e.getVersion(), e.getPatientAddress(),
                    e.getCategory(), e.getWrappedEntryKey(), e.getSealed());
            if (!o.recomputed().hex().equals(e.getSaltedHash()) || o.content().code() == null) {
                return Optional.empty();
            }
            return Optional.of(new Diagnosis(o.content().codeSystem(), o.content().code(), e.getClinicalDate(),
                    e.getAuthorId() == null ? null : new UserId(e.getAuthorId())));
        } catch (CryptoException | IllegalStateException ex) {
            return Optional.empty(); // a damaged entry is left out, as everywhere
        }
    }
}
