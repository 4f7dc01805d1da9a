package io.kerberus.platform.permission;

import java.util.Map;

/**
 * One row of the audit log.
 *
 * @param id         its id, increasing
 * @param occurredAt when, epoch millis
 * @param actor      who
 * @param action     what, such as {@code catalog.entity.delete}
 * @param target     what it was done to
 * @param details    more facts (JSON object)
 */
public record AuditEntry(long id, long occurredAt, String actor, String action, String target, Map<String, Object> details) {
}
