package io.kerberus.platform;

import io.kerberus.plugin.Lifecycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Start and shutdown hooks of all plugins; shutdown hooks run in reverse order and one failing does not stop the rest. */
final class Lifecycles implements Lifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(Lifecycles.class);

    private final List<Runnable> started = new ArrayList<>();
    private final List<Runnable> shutdown = new ArrayList<>();

    @Override
    public synchronized void onStarted(Runnable hook) {
        started.add(hook);
    }

    @Override
    public synchronized void onShutdown(Runnable hook) {
        shutdown.add(hook);
    }

    synchronized void fireStarted() {
        started.forEach(Runnable::run);
    }

    synchronized void fireShutdown() {
        List<Runnable> reversed = new ArrayList<>(shutdown);
        Collections.reverse(reversed);
        for (Runnable hook : reversed) {
            try {
                hook.run();
            } catch (RuntimeException e) {
                LOG.warn("A shutdown hook failed", e);
            }
        }
    }
}
