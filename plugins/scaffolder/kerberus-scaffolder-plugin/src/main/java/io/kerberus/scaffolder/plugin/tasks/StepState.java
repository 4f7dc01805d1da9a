package io.kerberus.scaffolder.plugin.tasks;

import tools.jackson.databind.JsonNode;

/**
 * The state of one step of a task.
 *
 * @param stepId    the step's id in the template
 * @param position  its index among the steps
 * @param status    open, processing, completed, failed, skipped or cancelled
 * @param startedAt epoch millis, or null
 * @param endedAt   epoch millis, or null
 * @param output    what the step output (secrets masked), or null
 */
public record StepState(String stepId, int position, TaskStatus status, Long startedAt, Long endedAt, JsonNode output) {
}
