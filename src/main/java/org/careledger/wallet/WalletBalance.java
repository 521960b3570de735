package org.careledger.wallet;

/**
 * A wallet's tokens in base units: the committed {@code balance}, what the owner's transactions on
 * their way will take from it ({@code pendingOut}: amounts and fees), and what is left to spend.
 */
public record WalletBalance(long balance, long pendingOut) {

    public long spendable() {
        return Math.max(0, balance - pendingOut);
    }
}
