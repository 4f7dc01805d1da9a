package io.kerberus.scaffolder.plugin.tasks;

import tools.jackson.databind.JsonNode;

/**
 * One event of a task, Backstage's {@code SerializedTaskEvent}.
 *
 * @param id        increasing; {@code events?after=id} returns the later ones
 * @param taskId    the task
 * @param type      {@code log}, {@code completion}, {@code cancelled} or {@code recovered}
 * @param body      {@code {message, stepId?, status?, output?, error?}}, secrets masked
 * @param createdAt epoch millis
 */
public record TaskEvent(long id, String taskId, String type, JsonNode body, long createdAt) {
}
