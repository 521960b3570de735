package org.careledger.records;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;

import org.careledger.common.NotFoundException;
import org.careledger.contracts.RecordCategory;
import org.careledger.crypto.Address;
import org.careledger.crypto.CryptoException;
import org.careledger.identity.AppRoles;
import org.careledger.identity.UserId;
import org.careledger.identity.UserProfile;
import org.careledger.ledger.Hash;
import org.careledger.records.internal.StoredEntry;
import org.careledger.records.internal.StoredEntryRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The record's side of a prescription, for the pharmacy module, which checks who may do what before
 * it calls here. A prescription's clinical content is a MEDICATION entry of the patient's record,
 * sealed like any other, that joins the record <em>without</em> the patient's approval: the
 * prescriber's signature on the prescriptions contract, which holds the entry's salted hash, stands
 * in for the patient's anchor. A patient cannot refuse a prescription into existence or out of it
 * (they may decline to fill it), and a record that did not show the medicines a patient was
 * prescribed would mislead the next doctor who reads it. Nothing here records a read: the pharmacy
 * module records a pharmacist's read on the ledger's audit itself, under the prescription. Method
 * security says who may reach each door (the settling hooks, on the outbox's thread, reach only
 * {@link #issued} and {@link #refused}, which disclose nothing).
 */
@Component
public class PrescriptionEntries {

    private final StoredEntryRepository entries;
    private final EntryStore store;
    private final RecordVault vault;
    private final Clock clock;

    PrescriptionEntries(StoredEntryRepository entries, EntryStore store, RecordVault vault, Clock clock) {
        this.entries = entries;
        this.store = store;
        this.vault = vault;
        this.clock = clock;
    }

    /** A prescription's content as stored: its entry, and the salted hash the prescription puts on chain. */
    public record Sealed(EntryId entryId, Hash contentHash) {
    }

    /** A substance the patient's record says they are allergic to: its code (RxNorm or SNOMED CT, or null) and name. */
    public record RecordedAllergy(String code, String name) {
    }

    /**
     * Seals {@code content} (a MEDICATION entry: the medicine coded in RxNorm, the prescription's
     * details as its text) into the patient's record, written by {@code prescriber} today, in the
     * caller's transaction. It is part of the record at once, awaiting its anchor until
     * {@link #issued} names the prescription that holds its hash.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    @RolesAllowed(AppRoles.DOCTOR)
    public Sealed seal(UserProfile patient, UserId prescriber, EntryContent content) {
        EntryContent checked = EntryRules.check(RecordCategory.MEDICATION, content);
        EntryId id = EntryId.random();
        StoredEntry entry = store.store(id, patient.id(), patient.ledgerAddress(), RecordCategory.MEDICATION, checked,
                LocalDate.now(clock), prescriber, false, EntryStatus.APPROVED);
        entry.approve(Instant.now(clock));
        return new Sealed(id, Hash.fromHex(entry.getSaltedHash()));
    }

    /** The entry is anchored by prescription {@code chainId}, now in a block. */
    @Transactional
    public void issued(EntryId entryId, Hash chainId) {
        entries.findById(entryId.value()).ifPresent(e -> e.prescribedBy(chainId.hex()));
    }

    /** The ledger refused the prescription: its entry never joined the record, and is removed. */
    @Transactional
    public void refused(EntryId entryId) {
        entries.findById(entryId.value()).filter(e -> e.getPrescriptionId() == null).ifPresent(entries::delete);
    }

    /**
     * The allergies in the patient's record, for the check a prescription is put through before it
     * is signed. This is a machine's check, not a person's read: the caller must not show them to
     * anyone whose own access does not cover ALLERGY.
     */
    @RolesAllowed(AppRoles.DOCTOR)
    public List<RecordedAllergy> allergies(Address patient) {
        List<RecordedAllergy> out = new ArrayList<>();
        for (StoredEntry e : entries.findByPatientAddressAndStatusInOrderByClinicalDateDescCreatedAtDescEntryIdAsc(patient.toString(),
                EntryStore.IN_RECORD)) {
            if (e.getCategory() != RecordCategory.ALLERGY || e.getStatus() != EntryStatus.APPROVED || e.getSealed() == null) {
                continue;
            }
            opened(e).ifPresent(c -> out.add(new RecordedAllergy(c.code(), c.display())));
        }
        return out;
    }

    /**
     * The coded history in the patient's record, for decision support's input: the SNOMED CT codes
     * of the diagnoses (only when {@code withDiagnoses}: the caller's access covers DIAGNOSIS) and the
     * RxNorm codes of the medicines. Like {@link #allergies}, a machine's read, never shown.
     */
    @RolesAllowed(AppRoles.DOCTOR)
    public CodedHistory codedHistory(Address patient, boolean withDiagnoses) {
        java.util.Set<String> diagnoses = new java.util.TreeSet<>();
        java.util.Set<String> medicines = new java.util.TreeSet<>();
        for (StoredEntry e : entries.findByPatientAddressAndStatusInOrderByClinicalDateDescCreatedAtDescEntryIdAsc(patient.toString(),
                EntryStore.IN_RECORD)) {
            boolean diagnosis = withDiagnoses && e.getCategory() == RecordCategory.DIAGNOSIS;
            if (!(diagnosis || e.getCategory() == RecordCategory.MEDICATION) || e.getStatus() != EntryStatus.APPROVED || e.getSealed() == null) {
                continue;
            }
            opened(e).filter(c -> c.code() != null).ifPresent(c -> {
                if (diagnosis && EntryRules.SNOMED.equals(c.codeSystem())) {
                    diagnoses.add(c.code());
                } else if (!diagnosis && EntryRules.RXNORM.equals(c.codeSystem())) {
                    medicines.add(c.code());
                }
            });
        }
        return new CodedHistory(java.util.Set.copyOf(diagnoses), java.util.Set.copyOf(medicines));
    }

    /** SNOMED CT codes of the diagnoses and RxNorm codes of the medicines a record holds. */
    public record CodedHistory(java.util.Set<String> diagnosisCodes, java.util.Set<String> medicineCodes) {
    }

    /**
     * The content of a prescription's entry, if it still hashes to {@code expectedHash} (the content
     * hash on chain).
     *
     * @throws NotFoundException if the entry is not here, was erased, or does not match the hash
     */
    @RolesAllowed({AppRoles.PATIENT, AppRoles.PHARMACIST})
    public EntryContent open(EntryId entryId, Hash expectedHash) {
        StoredEntry e = entries.findById(entryId.value()).filter(x -> x.getStatus() == EntryStatus.APPROVED && x.getSealed() != null)
                .orElseThrow(() -> new NotFoundException("The prescription's content is not held by this portal"));
        if (!e.getSaltedHash().equals(expectedHash.hex())) {
            throw new NotFoundException("The prescription's content does not match its hash on the ledger: it is withheld");
        }
        return opened(e).orElseThrow(() -> new NotFoundException(
                "The prescription's content does not match its hash on the ledger: it is withheld"));
    }

    private Optional<EntryContent> opened(StoredEntry e) {
        try {
            RecordVault.OpenedEntry o = vault.open(new UserId(e.getPatientId()), e.getEntryId(), e.getVersion(), e.getPatientAddress(),
                    e.getCategory(), e.getWrappedEntryKey(), e.getSealed());
            return o.recomputed().hex().equals(e.getSaltedHash()) ? Optional.of(o.content()) : Optional.empty();
        } catch (CryptoException | IllegalStateException ex) {
            return Optional.empty();
        }
    }
}
