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
 */
public record AuthSettings(List<StaticToken> staticTokens, String environment, Duration tokenLifetime,
                           Duration sessionDuration, Optional<GuestSettings> guest, boolean production) {

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
        Duration session = auth == null ? Duration.ofDays(7) : auth.getOptionalConfig("session")
                .map(s -> {
                    s.ignore("secret", "sessions are stored in the database; no session secret is needed");
                    return s.getDuration("duration", Duration.ofDays(7));
                })
                .orElse(Duration.ofDays(7));
        boolean production = root.getOptionalConfig("app").map(app -> app.getString("environment", "development"))
                .orElse("development").equals("production");
        Optional<GuestSettings> guest = auth == null ? Optional.empty() : auth.getOptionalConfig("providers.guest").map(AuthSettings::guest);
        if (production && guest.isPresent() && !guest.get().allowInProduction()) {
            throw auth.error("providers.guest", "guest sign-in is refused when app.environment is production: anyone could enter. "
                    + "Remove auth.providers.guest, or set dangerouslyAllowOutsideDevelopment: true under it");
        }
        return new AuthSettings(tokens, environment, lifetime, session, guest, production);
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
