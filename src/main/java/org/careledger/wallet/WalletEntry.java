package org.careledger.wallet;

import java.time.Instant;

import org.careledger.crypto.Address;
import org.careledger.ledger.Hash;

/**
 * One line of a wallet's history: a committed transaction that moved the owner's tokens (in block
 * {@code height} at {@code time}), or one of their own still on its way ({@code height} null).
 * {@code amount} is signed base units as the owner sees it (received positive, sent negative);
 * {@code fee} is what the owner paid; {@code counterpart} is the other account, if any, with its
 * name where the portal knows it ({@code counterpartName}, else the address).
 */
public record WalletEntry(Hash txId, Long height, Instant time, Address counterpart, String counterpartName, String call, long amount,
                          long fee) {

    public boolean pending() {
        return height == null;
    }

    /** "in block 12" or "pending". */
    public String where() {
        return pending() ? "pending" : "in block " + height;
    }
}
