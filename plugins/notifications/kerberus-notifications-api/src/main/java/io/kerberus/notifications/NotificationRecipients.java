package io.kerberus.notifications;

import java.util.List;
import java.util.Objects;

/**
 * Who receives a notification: everyone ({@link Type#BROADCAST}), or the users that entity refs
 * name ({@link Type#ENTITY}): a user ref is that user, a group ref its member users (and those of
 * its child groups), any other entity its owner's users.
 *
 * @param type              broadcast or entity
 * @param entityRefs        for {@link Type#ENTITY}, the refs to resolve ({@code user:default/jane},
 *                          {@code group:default/team-a}); empty for broadcasts
 * @param excludeEntityRefs refs whose users never receive it, even when another ref names them
 */
public record NotificationRecipients(Type type, List<String> entityRefs, List<String> excludeEntityRefs) {

    /** The kinds of recipients, named as in Backstage's JSON ({@code broadcast}, {@code entity}). */
    public enum Type { BROADCAST, ENTITY }

    public NotificationRecipients {
        Objects.requireNonNull(type, "type");
        entityRefs = entityRefs == null ? List.of() : List.copyOf(entityRefs);
        excludeEntityRefs = excludeEntityRefs == null ? List.of() : List.copyOf(excludeEntityRefs);
    }

    /** Every user, now and later. */
    public static NotificationRecipients broadcast() {
        return new NotificationRecipients(Type.BROADCAST, List.of(), List.of());
    }

    /** The users these entity refs name. */
    public static NotificationRecipients entities(List<String> entityRefs) {
        return new NotificationRecipients(Type.ENTITY, entityRefs, List.of());
    }

    /** A copy that leaves out the users these refs name. */
    public NotificationRecipients excluding(List<String> refs) {
        return new NotificationRecipients(type, entityRefs, refs);
    }
}
