package io.kerberus.plugin.auth;

import io.kerberus.plugin.ServiceRef;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The people of the organisation, as sign-in resolvers see them: User entities and the groups
 * they belong to. The catalog plugin provides it; the platform looks it up when someone signs in
 * or refreshes a session, so the platform itself needs no catalog.
 */
public interface UserDirectory {

    /** The service handle; a plugin that provides it declares {@code registrar.provides(UserDirectory.REF)}. */
    ServiceRef<UserDirectory> REF = ServiceRef.of("auth.user-directory", UserDirectory.class);

    /**
     * The User entities whose {@code field} equals {@code value}, ignoring case. Fields are
     * Backstage filter keys: {@code metadata.name}, {@code spec.profile.email},
     * {@code metadata.annotations.github.com/user-login}.
     */
    List<User> findUsers(String field, String value);

    /**
     * The user's ownership refs: the user ref, the groups it is a member of, and those groups'
     * parent groups, transitively. Just the user ref when the user is not in the directory.
     */
    List<String> ownershipRefs(String userEntityRef);

    /**
     * The User entity with this ref, or empty when the directory no longer has it (the person left,
     * or the entity was removed). The platform asks this on refresh and when it revalidates a browser
     * session, and ends the session when the answer is empty. The default looks the name up with
     * {@link #findUsers}; directories that can look a ref up directly should override it.
     */
    default Optional<User> findUser(String userEntityRef) {
        String ref = userEntityRef.toLowerCase(Locale.ROOT);
        int slash = ref.lastIndexOf('/');
        if (!ref.startsWith("user:") || slash < 0) {
            return Optional.empty();
        }
        return findUsers("metadata.name", ref.substring(slash + 1)).stream()
                .filter(user -> user.entityRef().equalsIgnoreCase(ref))
                .findFirst();
    }

    /**
     * One User entity.
     *
     * @param entityRef     {@code user:default/jane}
     * @param displayName   {@code spec.profile.displayName}, else the name
     * @param ownershipRefs as {@link #ownershipRefs}
     */
    record User(String entityRef, String displayName, List<String> ownershipRefs) {

        public User {
            ownershipRefs = List.copyOf(ownershipRefs);
        }
    }
}
