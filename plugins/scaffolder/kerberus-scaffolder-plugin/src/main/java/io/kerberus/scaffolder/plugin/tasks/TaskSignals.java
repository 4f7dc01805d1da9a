package io.kerberus.scaffolder.plugin.tasks;

import java.util.function.LongSupplier;

/**
 * Wakes this replica's waiters when its store changes: the dispatcher when a task opens or ends,
 * event streams when an event is added. Other replicas' changes are seen by polling.
 */
public final class TaskSignals {

    private final Object monitor = new Object();
    private long tasks;
    private long events;

    void taskChanged() {
        synchronized (monitor) {
            tasks++;
            events++;
            monitor.notifyAll();
        }
    }

    void eventAdded() {
        synchronized (monitor) {
            events++;
            monitor.notifyAll();
        }
    }

    /** A version that changes when a task opens or ends. */
    public long taskVersion() {
        synchronized (monitor) {
            return tasks;
        }
    }

    /** A version that changes on any event or task change. */
    public long eventVersion() {
        synchronized (monitor) {
            return events;
        }
    }

    /** Waits until {@link #taskVersion} moved past {@code seen}, or {@code millis} passed. */
    public void awaitTask(long seen, long millis) throws InterruptedException {
        await(() -> tasks, seen, millis);
    }

    /** Waits until {@link #eventVersion} moved past {@code seen}, or {@code millis} passed. */
    public void awaitEvent(long seen, long millis) throws InterruptedException {
        await(() -> events, seen, millis);
    }

    private void await(LongSupplier version, long seen, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        synchronized (monitor) {
            while (version.getAsLong() == seen) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    return;
                }
                monitor.wait(left);
            }
        }
    }
}
