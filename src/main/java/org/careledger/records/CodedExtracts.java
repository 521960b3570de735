package org.careledger.records;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;

import org.careledger.contracts.RecordCategory;
import org.careledger.crypto.CryptoException;
import org.careledger.identity.AppRoles;
import org.careledger.identity.UserId;
import org.careledger.records.internal.StoredEntry;
import org.careledger.records.internal.StoredEntryRepository;
import org.springframework.stereotype.Component;

/**
 * The coded part of records whose patients agreed to their de-identified use (decision support's
 * training): for each approved entry of the asked categories, its category, code system, code, date
 * and, for a symptom report or a prescription, the text its coded reading needs. No name, no address,
 * no author. The caller decides whose records these are: it must pass only patients whose consent to
 * this use is on; nothing here is shown to a person, and it is not a read of anyone's record on the
 * ledger's audit (no person reads it).
 */
@Component
public class CodedExtracts {

    private static final Set<RecordCategory> CODED = EnumSet.of(RecordCategory.DIAGNOSIS, RecordCategory.MEDICATION,
            RecordCategory.SYMPTOM_REPORT);

    private final StoredEntryRepository entries;
    private final RecordVault vault;

    CodedExtracts(StoredEntryRepository entries, RecordVault vault) {
        this.entries = entries;
        this.vault = vault;
    }

    /** One coded entry: the patient's internal id (never shown, never stored by the caller), and what is coded. */
    public record CodedEntry(long patientId, RecordCategory category, String codeSystem, String code, LocalDate date, String text) {
    }

    /** The coded entries (diagnoses, medicines, symptom reports) of the patients, oldest first per patient. */
    @RolesAllowed(AppRoles.ADMIN)
    public List<CodedEntry> of(Collection<UserId> patients) {
        List<CodedEntry> out = new ArrayList<>();
        for (UserId patient : patients) {
            List<StoredEntry> stored = entries.findByPatientIdAndStatusInOrderByClinicalDateDescCreatedAtDescEntryIdAsc(patient.value(),
                    EnumSet.of(EntryStatus.APPROVED));
            for (int i = stored.size() - 1; i >= 0; i--) {
                StoredEntry e = stored.get(i);
                if (!CODED.contains(e.getCategory()) || e.getSealed() == null) {
                    continue;
                }
                try {
                    RecordVault.OpenedEntry o = vault.open(new UserId(e.getPatientId()), e.getEntryId(), e.getVersion(), e.getPatientAddress(),
                            e.getCategory(), e.getWrappedEntryKey(), e.getSealed());
                    if (o.recomputed().hex().equals(e.getSaltedHash())) {
                        EntryContent c = o.content();
                        out.add(new CodedEntry(patient.value(), e.getCategory(), c.codeSystem(), c.code(), e.getClinicalDate(),
                                e.getCategory() == RecordCategory.DIAGNOSIS ? null : c.text()));
                    }
                } catch (CryptoException | IllegalStateException ex) {
                    // an entry that does not open or match its hash is left out, as a damaged one is everywhere
                }
            }
        }
        return out;
    }
}
