package org.careledger;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls until a condition holds, failing with what was awaited after a deadline: the tests' one way to wait for the ledger. */
public final class Await {

    private Await() {
    }

    public static void until(String what, BooleanSupplier condition) {
        until(what, Duration.ofSeconds(30), condition);
    }

    /**
     * For the child processes of the kill tests: waits up to two minutes, and if the condition never
     * holds prints {@code TIMEOUT} for the parent to read and exits with status 3.
     */
    public static void orExit(BooleanSupplier condition) {
        try {
            until("the child's condition", Duration.ofSeconds(120), condition);
        } catch (AssertionError e) {
            System.out.println("TIMEOUT");
            System.out.flush();
            System.exit(3);
        }
    }

    public static void until(String what, Duration within, BooleanSupplier condition) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting until " + what, e);
            }
        }
    }
}
