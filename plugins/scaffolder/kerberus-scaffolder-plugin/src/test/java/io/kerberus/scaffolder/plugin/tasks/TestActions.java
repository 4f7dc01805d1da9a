package io.kerberus.scaffolder.plugin.tasks;

import io.kerberus.scaffolder.Action;
import io.kerberus.scaffolder.ActionContext;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Tiny actions for runner tests: echo, write a file, fail (optionally only the first times), wait until cancelled. */
public final class TestActions {

    /** How many more runs of {@code test:flaky} fail. */
    public static final AtomicInteger FLAKY_FAILURES = new AtomicInteger();

    private TestActions() {
    }

    public static List<Action> all() {
        return List.of(echo(), write(), flaky(), waiting());
    }

    static Action echo() {
        return action("test:echo", Map.of("type", "object", "required", List.of("message"),
                "properties", Map.of("message", Map.of("type", "string"), "count", Map.of("type", "integer"))), context -> {
            context.log("echo " + context.input().get("message"));
            context.output("echoed", context.input().get("message"));
        }, true);
    }

    static Action write() {
        return action("test:write", Map.of("type", "object", "required", List.of("path", "content")), context -> {
            var file = context.resolve((String) context.input().get("path"), "path");
            Files.createDirectories(file.getParent());
            Files.writeString(file, (String) context.input().get("content"));
            context.output("path", context.input().get("path"));
        }, true);
    }

    static Action flaky() {
        return action("test:flaky", Map.of("type", "object"), context -> {
            if (FLAKY_FAILURES.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new IllegalStateException("flaky failed as asked");
            }
            context.log("flaky passed");
            context.output("ok", true);
        }, true);
    }

    static Action waiting() {
        return action("test:wait", Map.of("type", "object"), context -> {
            long until = System.currentTimeMillis() + 20_000;
            while (!context.cancelled() && System.currentTimeMillis() < until) {
                Thread.sleep(20);
            }
            context.log("stopped waiting");
        }, false);
    }

    private interface Body {
        void run(ActionContext context) throws Exception;
    }

    private static Action action(String id, Map<String, Object> schema, Body body, boolean dryRun) {
        return new Action() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String description() {
                return "Test action " + id;
            }

            @Override
            public Map<String, Object> inputSchema() {
                return schema;
            }

            @Override
            public boolean supportsDryRun() {
                return dryRun;
            }

            @Override
            public void run(ActionContext context) throws Exception {
                body.run(context);
            }
        };
    }
}
