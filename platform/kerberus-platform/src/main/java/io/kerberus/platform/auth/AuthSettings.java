package io.kerberus.platform.auth;

import io.kerberus.plugin.Config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The identity settings: {@code backend.auth.externalAccess} (static tokens for external callers),
 * {@code auth.environment}, {@code auth.backstageTokenExpiration}, {@code auth.session.duration} and
 * {@code auth.providers.guest}.
 *
 * @param staticTokens    tokens external callers may send, with their subjects
 * @param environment     which {@code auth.providers.<id>.<environment>} block applies
 * @param tokenLifetime   how long a user token lives
 * @param sessionDuration how long a browser session lives
 * @param guest           the guest provider's settings, empty when guest sign-in is off
 * @param production      whether {@code app.environment} is production
 * @param providers       the OAuth and OpenID Connect providers of {@code auth.providers.<id>.<environment>}, in config order
 * @param revalidateAfter {@code auth.session.revalidateAfter}: how old the user's last look-up in the
 *                        user directory may be before a request on the session cookie looks again
 */
public record AuthSettings(List<StaticToken> staticTokens, String environment, Duration tokenLifetime,
                           Duration sessionDuration, Optional<GuestSettings> guest, boolean production,
                           List<ProviderSettings> providers, Duration revalidateAfter) {

    /** The default of {@code auth.session.revalidateAfter}. */
    public static final Duration DEFAULT_REVALIDATE_AFTER = Duration.ofMinutes(5);

    /**
     * One static token.
     *
     * @param token   the secret the caller sends as a bearer token
     * @param subject who the caller is, shown as {@code external:<subject>}
     */
    public record StaticToken(String token, String subject) {
    }

    /**
     * {@code auth.providers.guest}.
     *
     * @param userEntityRef      who a guest is
     * @param ownershipRefs      what a guest owns through
     * @param allowInProduction  {@code dangerouslyAllowOutsideDevelopment}
     */
    public record GuestSettings(String userEntityRef, List<String> ownershipRefs, boolean allowInProduction) {
    }

    public static AuthSettings from(Config root) {
        Config backendAuth = root.getOptionalConfig("backend.auth").orElse(null);
        List<StaticToken> tokens = backendAuth == null ? List.of() : staticTokens(backendAuth);
        if (backendAuth != null) {
            backendAuth.ignore("keys", "Kerberus signs service tokens with its own keys from the database; backend.auth.keys is not needed");
            backendAuth.ignore("dangerouslyDisableDefaultAuthPolicy", "use route options instead; every /api route needs a credential");
        }
        Config auth = root.getOptionalConfig("auth").orElse(null);
        String environment = auth == null ? "development" : auth.getString("environment", "development");
        Duration lifetime = auth == null ? Duration.ofHours(1) : auth.getDuration("backstageTokenExpiration", Duration.ofHours(1));
        if (lifetime.compareTo(Duration.ofMinutes(10)) < 0 || lifetime.compareTo(Duration.ofHours(24)) > 0) {
            throw auth.error("backstageTokenExpiration", "must be between 10 minutes and 24 hours, as in Backstage");
        }
        Config sessionConfig = auth == null ? null : auth.getOptionalConfig("session").orElse(null);
        Duration session = Duration.ofDays(7);
        Duration revalidateAfter = DEFAULT_REVALIDATE_AFTER;
        if (sessionConfig != null) {
            sessionConfig.ignore("secret", "sessions are stored in the database; no session secret is needed");
            session = sessionConfig.getDuration("duration", Duration.ofDays(7));
            revalidateAfter = sessionConfig.getDuration("revalidateAfter", DEFAULT_REVALIDATE_AFTER);
            if (revalidateAfter.isNegative() || revalidateAfter.compareTo(Duration.ofHours(1)) > 0) {
                throw sessionConfig.error("revalidateAfter", "must be between 0 (look the user up on every request) and 1 hour");
            }
        }
        boolean production = root.getOptionalConfig("app").map(app -> app.getString("environment", "development"))
                .orElse("development").equals("production");
        // either production setting makes resolvers that could let strangers in refuse to start
        boolean productionResolvers = production || environment.equals("production");
        Optional<GuestSettings> guest = auth == null ? Optional.empty() : auth.getOptionalConfig("providers.guest").map(AuthSettings::guest);
        if (production && guest.isPresent() && !guest.get().allowInProduction()) {
            throw auth.error("providers.guest", "guest sign-in is refused when app.environment is production: anyone could enter. "
                    + "Remove auth.providers.guest, or set dangerouslyAllowOutsideDevelopment: true under it");
        }
        List<ProviderSettings> providers = auth == null ? List.of() : auth.getOptionalConfig("providers")
                .map(all -> providers(all, environment, productionResolvers)).orElse(List.of());
        return new AuthSettings(tokens, environment, lifetime, session, guest, production, providers, revalidateAfter);
    }

    /** The provider with this id. */
    public Optional<ProviderSettings> provider(String id) {
        return providers.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    private static List<ProviderSettings> providers(Config all, String environment, boolean production) {
        List<ProviderSettings> providers = new ArrayList<>();
        for (String id : all.keys()) {
            if (id.equals("guest")) {
                continue;
            }
            if (!id.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*")) {
                throw all.error(id, "provider ids are lower-case kebab-case, such as oidc, github or keycloak");
            }
            Config provider = all.getConfig(id);
            for (String env : provider.keys()) {
                if (!env.equals(environment)) {
                    provider.ignore(env, "settings for auth.environment " + env + "; this portal runs with " + environment);
                }
            }
            Optional<Config> block = provider.getOptionalConfig(environment);
            if (block.isEmpty()) {
                continue;
            }
            if (!id.equals("github") && block.get().getOptionalString("metadataUrl").isEmpty()) {
                throw all.error(id, "Kerberus signs in with github and with OpenID Connect providers (oidc, or any id whose "
                        + environment + " block has metadataUrl); add metadataUrl or remove this provider");
            }
            providers.add(ProviderSettings.from(id, environment, block.get(), production));
        }
        return List.copyOf(providers);
    }

    private static List<StaticToken> staticTokens(Config backendAuth) {
        List<StaticToken> tokens = new ArrayList<>();
        for (Config access : backendAuth.getOptionalConfigList("externalAccess").orElse(List.of())) {
            String type = access.getString("type");
            if (!type.equals("static")) {
                throw access.error("type", "Kerberus supports external access of type static; found \"" + type + "\"");
            }
            Config options = access.getConfig("options");
            String token = options.getString("token");
            if (token.length() < 8 || token.chars().anyMatch(Character::isWhitespace)) {
                throw options.error("token", "must be at least 8 characters without spaces");
            }
            String subject = options.getString("subject");
            if (!subject.matches("[A-Za-z0-9._:/-]+")) {
                throw options.error("subject", "must be letters, digits and . _ : / - only");
            }
            access.ignore("accessRestrictions", "access restrictions of static tokens are not enforced yet; the token has full access");
            tokens.add(new StaticToken(token, subject));
        }
        return List.copyOf(tokens);
    }

    private static GuestSettings guest(Config guest) {
        String user = guest.getString("userEntityRef", "user:development/guest");
        List<String> ownership = guest.getOptionalStringList("ownershipEntityRefs").orElse(List.of(user));
        return new GuestSettings(user, ownership, guest.getBoolean("dangerouslyAllowOutsideDevelopment", false));
    }
}
