package io.kerberus.plugin;

import java.util.List;
import java.util.Objects;

/**
 * Who is calling: a signed-in user, another plugin, or an external caller with a static token.
 *
 * @param type            the kind of caller
 * @param subject         {@code user:default/jane}, {@code plugin:catalog} or {@code external:<subject>}
 * @param ownershipRefs   for users, the entity refs they own through (themselves and their groups)
 * @param displayName     a name to show, defaults to the subject
 */
public record Principal(Type type, String subject, List<String> ownershipRefs, String displayName) {

    /** The kinds of caller. */
    public enum Type { USER, SERVICE, EXTERNAL }

    public Principal {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        ownershipRefs = List.copyOf(ownershipRefs);
        displayName = displayName == null || displayName.isBlank() ? subject : displayName;
    }

    /** A user with their ownership refs. */
    public static Principal user(String userEntityRef, List<String> ownershipRefs, String displayName) {
        return new Principal(Type.USER, userEntityRef, ownershipRefs, displayName);
    }

    /** Another plugin of this portal. */
    public static Principal service(String pluginId) {
        return new Principal(Type.SERVICE, "plugin:" + pluginId, List.of(), null);
    }

    /** An external caller authenticated by a static token. */
    public static Principal external(String subject) {
        return new Principal(Type.EXTERNAL, "external:" + subject, List.of(), null);
    }

    public boolean isUser() {
        return type == Type.USER;
    }
}
