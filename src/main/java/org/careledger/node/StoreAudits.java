package org.careledger.node;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;

import org.careledger.contracts.Contracts;
import org.careledger.crypto.Address;
import org.careledger.ledger.Genesis;
import org.careledger.ledger.StoredChain;

/**
 * The re-validation behind {@link ConsortiumControl#auditStore}, on a data directory rather than the
 * running consortium, so a measurement can run exactly what the portal's integrity audit runs against
 * a store that {@code ledger bench} built (and compare it with {@code ledger verify} on the same store).
 */
public final class StoreAudits {

    private StoreAudits() {
    }

    /**
     * Re-validates node {@code name}'s block store under {@code dataDir} from genesis, read-only: every
     * record's checksum, every block's rules, and the node's signed checkpoint (made with the key of
     * {@code sealer}, the node's sealer address in {@code genesis}). Runs on the caller's thread,
     * checking signatures on {@code verifiers} if given.
     *
     * @throws java.util.concurrent.CancellationException if {@code progress} asks to stop
     */
    public static StoreAuditResult audit(Path dataDir, Genesis genesis, String name, Address sealer, ExecutorService verifiers,
                                         StoredChain.Progress progress) {
        Path blocks = StoredChain.blocksDirectory(dataDir, name);
        try {
            StoredChain stored = StoredChain.load(blocks, genesis, Contracts.standard(), System::currentTimeMillis, verifiers, progress);
            StoredChain.Checked checked = stored.heldAgainstCheckpoint(stored.report(), StoredChain.checkpointFile(dataDir, name),
                    genesis.sealers().stream().filter(s -> s.address().equals(sealer)).map(Genesis.Sealer::key).findFirst().orElse(null));
            StoredChain.Report r = checked.report();
            String note = checked.checkpointNote();
            if (r.truncatedBytes() > 0) {
                note = (note == null ? "" : note + "; ") + "a torn tail of " + r.truncatedBytes() + " bytes (a crash, not invalid)";
            }
            return new StoreAuditResult(name, r.valid(), r.height(), r.transactions(), r.tip(), r.badHeight(), r.rule(),
                    r.explanation(), note);
        } catch (IOException e) {
            return new StoreAuditResult(name, false, 0, 0, null, 1, "storeCorruption", "the block store could not be read: " + e.getMessage(), null);
        }
    }
}
