package io.kerberus.scaffolder.plugin.actions;

import io.kerberus.plugin.InputException;
import io.kerberus.scaffolder.Action;
import io.kerberus.scaffolder.ActionContext;

import java.time.Duration;
import java.util.Map;

/** {@code debug:wait}: waits the given time, at most ten minutes, and stops early when the task is cancelled. */
public final class DebugWaitAction implements Action {

    static final String ID = "debug:wait";
    static final Duration MAX = Duration.ofMinutes(10);
    private static final long POLL_MILLIS = 50;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Waits for a certain period of time.";
    }

    @Override
    public Map<String, Object> inputSchema() {
        return InputSchema.object()
                .number("minutes", "Waiting period in minutes.", "")
                .number("seconds", "Waiting period in seconds.", "")
                .number("milliseconds", "Waiting period in milliseconds.", "")
                .build();
    }

    @Override
    public boolean supportsDryRun() {
        return true;
    }

    @Override
    public void run(ActionContext ctx) throws Exception {
        ActionInputs in = new ActionInputs(ID, ctx.input());
        double millis = in.number("minutes").orElse(0.0) * 60_000 + in.number("seconds").orElse(0.0) * 1000
                + in.number("milliseconds").orElse(0.0);
        if (millis < 0) {
            throw new InputException(ID + ": the waiting period must not be negative");
        }
        Duration wait = Duration.ofMillis((long) millis);
        if (wait.compareTo(MAX) > 0) {
            throw new InputException(ID + ": waiting duration is longer than the maximum threshold of 00:10:00");
        }
        ctx.log("Waiting " + wait.toMillis() + " ms");
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            if (ctx.cancelled()) {
                ctx.log("Cancelled while waiting");
                return;
            }
            Thread.sleep(Math.max(1, Math.min(POLL_MILLIS, (deadline - System.nanoTime()) / 1_000_000)));
        }
    }
}
