package io.kerberus.example.plugin;

import io.kerberus.plugin.Plugin;
import io.kerberus.plugin.PluginContext;
import io.kerberus.plugin.Schedule;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A test plugin that tells when a backend's scheduler has started the tasks due at its first poll:
 * its own one-shot task is new, so it is due then, together with every other due task.
 */
final class SchedulerProbe implements Plugin {

    private final CountDownLatch firstPoll = new CountDownLatch(1);

    @Override
    public String id() {
        return "probe";
    }

    @Override
    public void init(PluginContext context) {
        context.tasks().schedule("first-poll", Schedule.once(), run -> firstPoll.countDown());
    }

    /** Waits until the scheduler ran the tasks that were due when the backend started. */
    void awaitFirstPoll(Duration limit) throws InterruptedException {
        if (!firstPoll.await(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("The scheduler did not run its due tasks within " + limit);
        }
    }
}
