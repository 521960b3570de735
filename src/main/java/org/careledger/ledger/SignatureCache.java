package org.careledger.ledger;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One node's memory of the transaction signatures it has already verified (at mempool admission),
 * so it need not verify them again when they arrive in a block, as Bitcoin's signature cache does.
 * Bounded; a node never shares it with another node, so each still validates independently.
 */
public final class SignatureCache {

    private final Map<Hash, Boolean> verified;
    private final java.util.concurrent.atomic.LongAdder checks = new java.util.concurrent.atomic.LongAdder();

    public SignatureCache(int capacity) {
        this.verified = Collections.synchronizedMap(new LinkedHashMap<>(capacity, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Hash, Boolean> eldest) {
                return size() > capacity;
            }
        });
    }

    /** Verifies, or remembers having verified, the signature of {@code tx}. */
    public boolean isValid(Transaction tx) {
        if (verified.containsKey(tx.id())) {
            return true;
        }
        boolean valid = tx.hasValidSignature();
        checks.increment();
        if (valid) {
            verified.put(tx.id(), Boolean.TRUE);
        }
        return valid;
    }

    /** How many signatures this cache has verified (not remembered): for tests and the bench. */
    public long verifications() {
        return checks.sum();
    }
}
