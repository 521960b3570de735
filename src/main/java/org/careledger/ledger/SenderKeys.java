package org.careledger.ledger;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;

import org.careledger.crypto.PublicKey;

/**
 * The sender keys of decoded transactions, each parsed once per process. A consortium's senders are
 * few and sign again and again, and a parsed key is worth keeping: parsing finds the point on the
 * curve (a square root) and BouncyCastle keeps the tables it builds to verify a key's signatures on
 * the key's point, so verifying with a key parsed anew costs a fifth more (see
 * {@code ValidationBenchmark}). A parse is deterministic, so a remembered key is exactly what parsing
 * the same bytes again would give: no check is skipped, and every node still verifies every
 * signature itself. Bounded: when full, it starts afresh.
 */
final class SenderKeys {

    static final int CAPACITY = 4096;

    private static final ConcurrentHashMap<String, PublicKey> PARSED = new ConcurrentHashMap<>();

    private SenderKeys() {
    }

    /** As {@link PublicKey#fromBytes}, remembered. */
    static PublicKey parse(byte[] encoded) {
        String bytes = new String(encoded, StandardCharsets.ISO_8859_1);
        PublicKey known = PARSED.get(bytes);
        if (known != null) {
            return known;
        }
        PublicKey key = PublicKey.fromBytes(encoded);
        if (PARSED.size() >= CAPACITY) {
            PARSED.clear();
        }
        PARSED.putIfAbsent(bytes, key);
        return key;
    }

    /** How many keys are remembered now (for tests). */
    static int size() {
        return PARSED.size();
    }
}
