package io.kerberus.platform.permission;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An RBAC role: who is in it and what its rules allow or deny.
 *
 * @param name        unique name, {@code [a-z0-9][a-z0-9-_.]*}, at most 100 characters
 * @param description what the role is for
 * @param members     user and group refs ({@code user:default/jane}, {@code group:default/team-a}); a
 *                    user is a member when the user or any of their ownership refs is listed
 * @param rules       the rules, in order
 * @param source      {@code config} (read-only on the admin page) or {@code database}
 */
public record Role(String name, String description, List<String> members, List<RoleRule> rules, String source) {

    public static final String CONFIG = "config";
    public static final String DATABASE = "database";

    public Role {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        members = members.stream().map(m -> m.strip().toLowerCase(Locale.ROOT)).filter(m -> !m.isEmpty()).distinct().toList();
        rules = List.copyOf(rules);
    }

    /** Checks the name, throwing {@link IllegalArgumentException} with what is wrong. */
    public static String checkName(String name) {
        String clean = name == null ? "" : name.strip();
        if (!clean.matches("[a-zA-Z0-9][a-zA-Z0-9_.-]{0,99}")) {
            throw new IllegalArgumentException("A role name must be 1 to 100 letters, digits, '-', '_' or '.', starting with a letter or digit; got '"
                    + clean + "'");
        }
        return clean;
    }

    /** Whether a principal with this subject and these ownership refs is a member. */
    public boolean hasMember(String subject, List<String> ownershipRefs) {
        if (members.contains("*") || members.contains(subject.toLowerCase(Locale.ROOT))) {
            return true;
        }
        return ownershipRefs.stream().anyMatch(ref -> members.contains(ref.toLowerCase(Locale.ROOT)));
    }
}
