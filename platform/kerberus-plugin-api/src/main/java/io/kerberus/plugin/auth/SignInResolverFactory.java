package io.kerberus.plugin.auth;

import io.kerberus.plugin.Config;

/**
 * Makes a named {@link SignInResolver}; found with {@link java.util.ServiceLoader} through
 * {@code META-INF/services/io.kerberus.plugin.auth.SignInResolverFactory}, so any jar on the class
 * path (a plugin, a module) can add resolvers. A config entry
 * {@code {resolver: <name>, ...options}} selects it.
 */
public interface SignInResolverFactory {

    /** The name config uses, as {@code emailMatchingUserEntityProfileEmail}. */
    String name();

    /**
     * The resolver for one config entry, read and checked at start-up.
     *
     * @param options the entry (read its options here; {@code resolver} is already read), so
     *                unknown options fail start-up with their key
     */
    SignInResolver create(Config options);
}
