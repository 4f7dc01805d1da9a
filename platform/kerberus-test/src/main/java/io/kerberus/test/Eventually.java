package io.kerberus.test;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for what background work (tasks, the scheduler, builds) does, without fixed sleeps. */
public final class Eventually {

    /** How long {@link #until(BooleanSupplier, String)} waits. */
    public static final Duration LIMIT = Duration.ofSeconds(30);

    private Eventually() {
    }

    /** Polls {@code condition} every 50 ms until it holds; fails after {@link #LIMIT} naming {@code what}. */
    public static void until(BooleanSupplier condition, String what) {
        until(condition, () -> what, LIMIT);
    }

    /**
     * Polls {@code condition} every 50 ms until it holds; fails after {@code limit} with {@code what},
     * computed only then (so it can describe the last state seen).
     */
    public static void until(BooleanSupplier condition, Supplier<String> what, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + limit.toSeconds() + " s waiting for " + what.get());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for " + what.get(), e);
            }
        }
    }
}
