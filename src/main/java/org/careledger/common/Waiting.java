package org.careledger.common;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits on a background thread (a demo seeder's) until something the ledger settles has happened. */
public final class Waiting {

    private Waiting() {
    }

    /**
     * Polls {@code condition} every 250 ms until it holds.
     *
     * @throws IllegalStateException naming {@code what} if it does not hold within {@code patience}, or the thread is interrupted
     */
    public static void until(String what, Duration patience, BooleanSupplier condition) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting until " + what);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting until " + what);
            }
        }
    }
}
