package io.kerberus.plugin.auth;

import io.kerberus.plugin.Principal;

/**
 * Maps who a provider says someone is to a user of the portal, as Backstage's sign-in resolvers
 * do. Listed per provider in {@code auth.providers.<id>.<env>.signIn.resolvers}; the platform tries
 * them in order and signs in with the first that succeeds.
 */
@FunctionalInterface
public interface SignInResolver {

    /**
     * The user to sign in as, with their ownership refs.
     *
     * @param info  what the provider said
     * @param users the user directory (the catalog's User and Group entities)
     * @throws SignInException when this resolver cannot sign the person in; its message says
     *                         exactly why ("No User entity has spec.profile.email = ...")
     */
    Principal resolve(SignInInfo info, UserDirectory users);
}
