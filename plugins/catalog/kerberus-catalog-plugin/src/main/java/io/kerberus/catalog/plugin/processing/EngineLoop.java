package io.kerberus.catalog.plugin.processing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Runs the engine on one thread per replica: processes batches while there is work,
 * then sleeps until the poll interval passes or {@link #wakeUp()} is called (a new location, a refresh).
 */
public final class EngineLoop {

    private static final Logger LOG = LoggerFactory.getLogger(EngineLoop.class);

    private final ProcessingEngine engine;
    private final Duration idle;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    public EngineLoop(ProcessingEngine engine, Duration idle) {
        this.engine = engine;
        this.idle = idle;
    }

    public synchronized void start() {
        running = true;
        thread = Thread.ofPlatform().daemon().name("catalog-processing").start(this::run);
    }

    public void wakeUp() {
        wake.release();
    }

    private void run() {
        while (running) {
            try {
                int work = engine.processBatch();
                if (work == 0 && running) {
                    wake.tryAcquire(idle.toMillis(), TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("Catalog processing failed; retrying in {}: {}", idle, e.toString(), e);
                try {
                    Thread.sleep(idle.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Stops after the current batch (waits up to 10 s). */
    public synchronized void stop() {
        running = false;
        wake.release();
        if (thread != null) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
