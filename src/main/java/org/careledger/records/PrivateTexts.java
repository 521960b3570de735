package org.careledger.records;

import java.util.Optional;

import org.careledger.identity.UserId;
import org.careledger.ledger.Hash;
import org.springframework.stereotype.Component;

/**
 * Short free texts of a patient's that other modules keep off chain under the patient's own key (the
 * reason for an appointment), each known on chain only by its salted hash. The calling module checks
 * who may read a text before it opens one; nothing here records a read, and nothing here is part of
 * the patient's record.
 */
@Component
public class PrivateTexts {

    private final RecordVault vault;

    PrivateTexts(RecordVault vault) {
        this.vault = vault;
    }

    /** Seals {@code text} of {@code kind} ("appointment-reason") in the patient's vault; returns its salted hash. */
    public Hash seal(UserId patient, String kind, String text) {
        return Hash.wrap(vault.sealText(patient, kind, text).bytes());
    }

    /** The text sealed under {@code hash} for the patient, if the vault has it and it still matches its hash. */
    public Optional<String> open(UserId patient, Hash hash) {
        return vault.openText(patient, hash.hex());
    }
}
