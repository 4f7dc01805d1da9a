package io.kerberus.scaffolder.plugin.tasks;

import tools.jackson.databind.node.ObjectNode;

/**
 * One task as stored.
 *
 * @param id              its UUID
 * @param spec            Backstage's task spec: {@code steps}, {@code output}, {@code parameters}, {@code user}, {@code templateInfo}
 * @param status          where it is
 * @param templateRef     the Template entity it runs
 * @param createdBy       who started it, an entity ref or another subject; null when unknown
 * @param createdAt       epoch millis
 * @param lastHeartbeatAt epoch millis of the last sign of life of the replica holding it, or null
 * @param claimedBy       the replica running it, or null
 * @param secretsHolder   the replica that holds its secrets in memory, or null when it has none
 * @param cancelRequested whether someone asked to cancel it while it ran
 * @param retryFrom       the step a retry starts from, or null
 */
public record TaskRecord(String id, ObjectNode spec, TaskStatus status, String templateRef, String createdBy, long createdAt,
                         Long lastHeartbeatAt, String claimedBy, String secretsHolder, boolean cancelRequested, String retryFrom) {
}
