package org.careledger.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.careledger.contracts.Tokens;
import org.careledger.ledger.ContractCall;
import org.careledger.ledger.Hash;
import org.careledger.ledger.Transaction;
import org.careledger.node.InstallKey;
import org.careledger.node.LedgerService;
import org.careledger.node.LedgerUnavailableException;

/**
 * The ledger's committed throughput as a user of the portal would feel it: a burst of {@code count}
 * transfers of one base unit from the install's treasury to itself (so its balance never runs down),
 * signed with its key (which nothing else signs with while
 * the load runs, welcome tokens being off), submitted as fast as the pool takes them, and timed until
 * the last is in a block. Measured idle and again while the users work; the ratio is the goal's figure.
 */
final class LedgerProbe {

    private static final Duration DEADLINE = Duration.ofSeconds(120);

    private final LedgerService ledger;

    LedgerProbe(LedgerService ledger) {
        this.ledger = ledger;
    }

    /** Committed transactions per second of one burst. */
    double burst(int count) {
        ContractCall call = Tokens.transfer(ledger.addressOf(InstallKey.TREASURY), 1);
        long fee = ledger.minimumFee(call);
        long start = System.nanoTime();
        long deadline = start + DEADLINE.toNanos();
        List<Hash> sent = new ArrayList<>();
        while (sent.size() < count) {
            try {
                Transaction tx = ledger.withInstallKey(InstallKey.TREASURY, key -> ledger.submit(key, call, fee));
                sent.add(tx.id());
            } catch (LedgerUnavailableException full) {
                if (System.nanoTime() > deadline) {
                    throw full;
                }
                Gauges.sleep(20);
            }
        }
        for (Hash id : sent) {
            long left = Math.max(1, deadline - System.nanoTime());
            ledger.awaitCommitted(id, Duration.ofNanos(left));
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }
}
