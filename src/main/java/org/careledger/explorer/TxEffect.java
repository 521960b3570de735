package org.careledger.explorer;

import org.careledger.crypto.Address;
import org.careledger.ledger.Hash;

/**
 * What a transaction did besides paying its fee: tokens it moved (as the wallet's token effects say)
 * or a consent state it changed. Hashes stay hashes; nothing here is clinical content.
 */
public sealed interface TxEffect {

    /** {@code amount} base units from {@code from} to {@code to}. */
    record TokensMoved(Address from, Address to, long amount) implements TxEffect {
    }

    /**
     * A consent state changed: {@code change} is one of "request opened", "request granted", "request
     * denied", "grant revoked", "emergency access declared", "emergency access reviewed"; {@code subject}
     * the request's (and its grant's) or the emergency access's id; {@code doctor} may be null when the
     * chain no longer says (never, for a committed call). {@code detail}: categories, purpose, durations
     * and the hashes of notes, reasons or comments.
     */
    record ConsentChanged(String change, Hash subject, Address patient, Address doctor, String detail) implements TxEffect {
    }
}
