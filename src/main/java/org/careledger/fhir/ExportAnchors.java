package org.careledger.fhir;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.careledger.common.NotFoundException;
import org.careledger.contracts.Anchor;
import org.careledger.contracts.ConsentQueries;
import org.careledger.crypto.Address;
import org.careledger.fhir.internal.AnchorFacts;
import org.careledger.ledger.Hash;
import org.careledger.ledger.TxLocation;
import org.careledger.node.LedgerService;
import org.careledger.records.EntryId;
import org.careledger.records.EntryStatus;
import org.careledger.records.ProofDownload;
import org.careledger.records.RecordEntryView;
import org.springframework.stereotype.Component;

/**
 * Where an export's entries and reads stand on the ledger, read through {@link LedgerService}: chain id,
 * block height and hash, transaction id, the entry's anchored hash, and the proof the records module
 * already gives for download. Nothing is written to the chain here.
 */
@Component
class ExportAnchors {

    private final LedgerService ledger;

    ExportAnchors(LedgerService ledger) {
        this.ledger = ledger;
    }

    /** The anchored hash of each of the patient's entries (the highest version on chain), by entry id. */
    Map<String, String> entryHashes(Address patient) {
        Map<String, Anchor> latest = new HashMap<>();
        for (Anchor a : ConsentQueries.anchorsOf(ledger.committedStateForReading(), patient)) {
            latest.merge(a.entryId(), a, (x, y) -> x.version() >= y.version() ? x : y);
        }
        Map<String, String> out = new HashMap<>();
        latest.forEach((id, a) -> out.put(id, a.saltedHash().hex()));
        return out;
    }

    /**
     * The entry's anchor with its proof, once the anchoring transaction is in a block; null before.
     * {@code proofOf} is the audience's own look-up (the patient's or the doctor's records service); an
     * entry that cannot be proved (and is not erased) or whose proof this node does not hold has none.
     */
    AnchorFacts of(RecordEntryView e, Map<String, String> entryHashes, Function<EntryId, Optional<ProofDownload>> proofOf) {
        if (e.anchorTxId() == null) {
            return null;
        }
        Optional<TxLocation> at = ledger.locate(e.anchorTxId());
        if (at.isEmpty()) {
            return null;
        }
        String json = proof(e, proofOf).map(ProofDownload::json).orElse(null);
        return new AnchorFacts(ledger.genesis().chainId(), at.get().height(), at.get().blockHash().hex(), e.anchorTxId().hex(),
                entryHashes.get(e.entryId().value()), json);
    }

    private static Optional<ProofDownload> proof(RecordEntryView e, Function<EntryId, Optional<ProofDownload>> proofOf) {
        if (!e.provable() && e.status() != EntryStatus.ERASED) {
            return Optional.empty();
        }
        try {
            return proofOf.apply(e.entryId());
        } catch (NotFoundException notHeldHere) {
            return Optional.empty();
        }
    }

    /** Where a transaction that anchors no entry (an audited read) stands; null while it is not in a block. */
    AnchorFacts ofTransaction(Hash txId) {
        if (txId == null) {
            return null;
        }
        return ledger.locate(txId).map(at -> new AnchorFacts(ledger.genesis().chainId(), at.height(), at.blockHash().hex(), txId.hex(),
                null, null)).orElse(null);
    }
}
