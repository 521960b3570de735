package org.careledger.records;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.careledger.contracts.RecordCategory;

/**
 * The one rule for an import's entries, whoever imports: each is checked by {@link EntryRules} (one that
 * fails refuses the whole import) and dated (today when it has no date), and one equal to an entry
 * already there (same category, codes, display, text, file and date) is left out, so importing the same
 * file twice adds nothing.
 */
final class ImportedEntries {

    /** The entries to store, checked and dated, and how many were already there. */
    record Fresh(List<ImportedEntry> entries, int alreadyThere) {
    }

    private ImportedEntries() {
    }

    static Fresh fresh(List<ImportedEntry> imported, List<RecordEntryView> there, Clock clock) {
        Set<String> known = new HashSet<>();
        there.stream().filter(e -> e.content() != null).forEach(e -> known.add(key(e.category(), e.content(), e.clinicalDate())));
        List<ImportedEntry> fresh = new ArrayList<>();
        int already = 0;
        for (ImportedEntry i : imported) {
            ImportedEntry checked = new ImportedEntry(i.category(), EntryRules.check(i.category(), i.content()),
                    EntryRules.clinicalDate(i.clinicalDate(), clock));
            if (known.add(key(checked.category(), checked.content(), checked.clinicalDate()))) {
                fresh.add(checked);
            } else {
                already++;
            }
        }
        return new Fresh(fresh, already);
    }

    private static String key(RecordCategory category, EntryContent c, LocalDate date) {
        return String.join("|", category.name(), String.valueOf(c.codeSystem()), String.valueOf(c.code()), String.valueOf(c.display()),
                String.valueOf(c.text()), c.attachment() == null ? "-" : c.attachment().name() + "/" + sha256(c.attachment().bytes()),
                String.valueOf(date));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
