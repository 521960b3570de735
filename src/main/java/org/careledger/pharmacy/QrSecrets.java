package org.careledger.pharmacy;

import java.security.MessageDigest;
import java.util.Optional;

import org.careledger.ledger.Hash;

/**
 * The one-time secrets of a prescription's QR code, as a reverse hash chain (Lamport's S/Key): from
 * a random seed {@code x} kept by the patient's portal, {@code y0 = x, y(j) = SHA-256(y(j-1))}; the
 * prescription is issued with {@code y(N)} as its secret hash, the first fill presents {@code y(N-1)},
 * the next {@code y(N-2)}, and so on. Each fill sets the chain's secret hash to the secret it
 * presented, whose preimage only the seed's holder can compute. So whichever pharmacy (of whichever
 * portal) dispenses, the patient's portal finds the next code from the chain alone, and a code once
 * used, copied or guessed opens nothing. {@value #LENGTH} fills per prescription at most.
 */
final class QrSecrets {

    /** How many fills one seed serves. */
    static final int LENGTH = 4096;

    private QrSecrets() {
    }

    /** The secret hash a prescription is issued with: {@code y(N)}. */
    static Hash initialHash(byte[] seed) {
        byte[] y = seed.clone();
        for (int j = 0; j < LENGTH; j++) {
            y = Hash.sha256(y).bytes();
        }
        return Hash.wrap(y);
    }

    /**
     * The secret to present now, given the chain's current secret hash: the {@code y(j-1)} whose
     * hash it is; empty if the seed does not lead to it (every code used, or not this seed).
     */
    static Optional<Hash> current(byte[] seed, Hash onChain) {
        byte[] target = onChain.bytes();
        byte[] previous = seed.clone();
        for (int j = 1; j <= LENGTH; j++) {
            byte[] y = Hash.sha256(previous).bytes();
            if (MessageDigest.isEqual(y, target)) {
                return Optional.of(Hash.wrap(previous));
            }
            previous = y;
        }
        return Optional.empty();
    }
}
