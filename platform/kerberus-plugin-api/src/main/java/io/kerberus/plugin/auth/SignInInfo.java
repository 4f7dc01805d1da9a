package io.kerberus.plugin.auth;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What an auth provider learned about the person signing in, handed to the sign-in resolvers. It
 * never holds secrets (no access, refresh or ID tokens).
 *
 * @param provider     the provider id, as in {@code auth.providers.<id>}
 * @param resolversKey the config key of the resolver list, for messages
 *                     ({@code auth.providers.oidc.development.signIn.resolvers})
 * @param email        the verified e-mail address, when the provider gave one
 * @param username     the provider's user name (the GitHub login, OIDC {@code preferred_username})
 * @param displayName  a name to show
 * @param claims       further profile claims (OIDC ID token claims, GitHub user fields), non-secret
 */
public record SignInInfo(String provider, String resolversKey, Optional<String> email, Optional<String> username,
                         String displayName, Map<String, Object> claims) {

    public SignInInfo {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(resolversKey, "resolversKey");
        email = email.filter(e -> !e.isBlank());
        username = username.filter(u -> !u.isBlank());
        claims = Map.copyOf(claims);
    }
}
