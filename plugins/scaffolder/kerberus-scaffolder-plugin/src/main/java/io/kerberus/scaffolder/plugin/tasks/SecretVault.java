package io.kerberus.scaffolder.plugin.tasks;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Task secrets, in this replica's memory only: never written to the database or disk. A task with
 * secrets is claimable only by the replica holding them ({@code secrets_holder}); if that replica
 * stops first, the task is marked failed and can be retried with its secrets sent again. Secrets
 * of a failed or cancelled task stay until the workspace retention ends, for a retry.
 */
public final class SecretVault {

    private record Held(Map<String, String> secrets, long dropAt) {
    }

    private final Map<String, Held> held = new ConcurrentHashMap<>();
    private final Clock clock;

    public SecretVault(Clock clock) {
        this.clock = clock;
    }

    public void put(String taskId, Map<String, String> secrets) {
        held.put(taskId, new Held(Map.copyOf(secrets), Long.MAX_VALUE));
    }

    public Optional<Map<String, String>> get(String taskId) {
        return Optional.ofNullable(held.get(taskId)).map(Held::secrets);
    }

    /** Keeps the task's secrets for {@code millis} more, then drops them. */
    void dropLater(String taskId, long millis) {
        held.computeIfPresent(taskId, (id, h) -> new Held(h.secrets(), clock.millis() + millis));
    }

    void drop(String taskId) {
        held.remove(taskId);
    }

    /** Drops secrets whose time is up. */
    void prune() {
        long now = clock.millis();
        held.values().removeIf(h -> h.dropAt() <= now);
    }
}
