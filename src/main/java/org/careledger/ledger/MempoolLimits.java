package org.careledger.ledger;

/**
 * How much one node's {@link Mempool} holds, and how much of it one sender may take with calls that
 * carry no fee. Fee-free calls (consent, anchors, the access audit, the registry) cost their sender
 * nothing, so without a share of its own one registered sender could fill every node's pool and,
 * through back-pressure, hold everyone else up. Fee-paying calls have no per-sender share: their
 * fees bound them, and a bulk sender (the {@code ledger bench} streams up to 90,000 transfers per
 * sender) is slowed by back-pressure, never refused. Nor have the genesis's sealers: they are the
 * consortium's own nodes, which could fill their blocks anyway, and a sealer registers the portal's
 * users (all those the chain lacks at a start, which may be thousands).
 *
 * @param maxTransactions          transactions the pool holds
 * @param maxBytes                 their encoded bytes
 * @param nonceWindow              how far ahead of a sender's next nonce a waiting transaction may be
 * @param maxFeeFreePerSender      fee-free transactions one sender may have waiting
 * @param maxFeeFreeBytesPerSender their encoded bytes
 */
public record MempoolLimits(int maxTransactions, long maxBytes, long nonceWindow, int maxFeeFreePerSender,
                            long maxFeeFreeBytesPerSender) {

    public static final long KIB = 1024;
    public static final long MIB = 1024 * KIB;

    public MempoolLimits {
        if (maxTransactions < 1 || maxFeeFreePerSender < 1 || nonceWindow < 1) {
            throw new IllegalArgumentException("A mempool holds at least one transaction, and one of each sender's");
        }
        if (maxBytes < Transaction.MAX_SIZE || maxFeeFreeBytesPerSender < Transaction.MAX_SIZE) {
            throw new IllegalArgumentException("Every byte bound must hold at least one transaction of the largest size, "
                    + Transaction.MAX_SIZE + " bytes");
        }
    }

    /**
     * The limits every node runs with, chosen from what is actually sent:
     * <ul>
     *   <li>200,000 transactions: a bench stream and the portal's traffic at once;</li>
     *   <li>64 MiB: the transactions the portal and the bench sign are 170 to 250 bytes, so for them the
     *       count binds first (200,000 of them are at most 48 MiB); the byte bound matters only for large
     *       transactions, 8,192 of the largest (8 KiB) instead of the 1.6 GB the count alone allows;</li>
     *   <li>a nonce window of 100,000, so a bulk sender may queue that many ahead;</li>
     *   <li>1,000 fee-free transactions per sender: the portal's largest bursts for one signer are a
     *       record's anchors and a doctor's read of a whole record (one access event per entry); the demo
     *       seed's largest is 23 anchors by the demo patient, and a real record of hundreds of entries still
     *       fits. A burst beyond it is delayed, not lost: the portal's outbox keeps it and retries;</li>
     *   <li>1 MiB of fee-free transactions per sender: 1,000 of the portal's calls take about a quarter of
     *       it, while padded 8 KiB transactions get only 128 places.</li>
     * </ul>
     */
    public static MempoolLimits standard() {
        return new MempoolLimits(200_000, 64 * MIB, Mempool.DEFAULT_NONCE_WINDOW, 1_000, MIB);
    }
}
