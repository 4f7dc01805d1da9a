package io.kerberus.platform.auth;

import io.kerberus.plugin.AuditLog;
import io.kerberus.plugin.InputException;
import io.kerberus.plugin.NotAllowedException;
import io.kerberus.plugin.NotAuthenticatedException;
import io.kerberus.plugin.NotFoundException;
import io.kerberus.plugin.Principal;
import io.kerberus.plugin.Request;
import io.kerberus.plugin.Routes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The auth API under {@code /api/auth}, in Backstage's shapes: the JWKS and OpenID discovery
 * documents, the guest provider's {@code refresh} (for a guest session only), {@code v1/userinfo},
 * and for admins {@code POST sessions/revoke}, which ends every session of a user.
 */
public final class AuthRoutes {

    private final Tokens tokens;
    private final SigningKeys keys;
    private final AuthSettings settings;
    private final String baseUrl;
    private final SessionStore sessions;
    private final Cookies cookies;
    private final SessionUsers sessionUsers;
    private final Consumer<Principal> requireAdmin;
    private final AuditLog audit;

    /** @param requireAdmin throws {@link NotAllowedException} unless the principal is an admin */
    public AuthRoutes(Tokens tokens, SigningKeys keys, AuthSettings settings, String baseUrl, SessionStore sessions, Cookies cookies,
                      SessionUsers sessionUsers, Consumer<Principal> requireAdmin, AuditLog audit) {
        this.tokens = tokens;
        this.keys = keys;
        this.settings = settings;
        this.baseUrl = baseUrl;
        this.sessions = sessions;
        this.cookies = cookies;
        this.sessionUsers = sessionUsers;
        this.requireAdmin = requireAdmin;
        this.audit = audit;
    }

    public void mount(Routes routes) {
        routes.get("/.well-known/jwks.json", request -> keys.jwks()).unauthenticated();
        routes.get("/.well-known/openid-configuration", request -> discovery()).unauthenticated();
        routes.get("/guest/refresh", this::guestRefresh).unauthenticated();
        routes.post("/guest/refresh", this::guestRefresh).unauthenticated();
        routes.get("/v1/userinfo", this::userInfo);
        routes.post("/sessions/revoke", this::revoke);
    }

    /** The guest's principal, when guest sign-in is on. */
    static Principal guest(AuthSettings.GuestSettings guest) {
        return Principal.user(guest.userEntityRef(), guest.ownershipRefs(), "Guest");
    }

    /**
     * A guest token for a guest session, as the other providers' {@code refresh}: the session comes
     * from the sign-in form, with its login CSRF check; without one, nobody gets a token.
     */
    private Object guestRefresh(Request request) {
        AuthSettings.GuestSettings guest = settings.guest()
                .orElseThrow(() -> new NotFoundException("Guest sign-in is off; add auth.providers.guest to the config to turn it on"));
        if (!request.header("X-Requested-With").map("XMLHttpRequest"::equals).orElse(false)) {
            throw new NotAuthenticatedException("Refresh needs the header X-Requested-With: XMLHttpRequest, as in Backstage");
        }
        String cookie = cookies.session(name -> request.cookie(name).orElse(null))
                .orElseThrow(() -> new NotAuthenticatedException("No session to refresh; enter as guest on the sign-in page first"));
        SessionStore.Session session = sessions.find(cookie)
                .orElseThrow(() -> new NotAuthenticatedException("The session has ended; sign in again"));
        if (sessionUsers.fromDirectory(session)) {
            throw new NotAuthenticatedException("This session is not a guest session; refresh it with the provider it signed in with");
        }
        Principal user = guest(guest);
        audit.record(user.subject(), "auth.refresh", user.subject(), Map.of("provider", "guest", "outcome", "success"));
        return identityResponse(user, tokens.issueUserToken(user), tokens);
    }

    /** {@code POST /sessions/revoke {userEntityRef}}: ends every session of a user; admins only. */
    private Object revoke(Request request) {
        Principal caller = request.requirePrincipal();
        requireAdmin.accept(caller);
        Map<?, ?> body = request.bodyAs(Map.class);
        if (!(body.get("userEntityRef") instanceof String ref) || !ref.matches("user:[^/\\s]+/[^/\\s]+")) {
            throw new InputException("Expected {\"userEntityRef\": \"user:<namespace>/<name>\"}");
        }
        int ended = sessionUsers.revoke(ref, caller.subject(), "api");
        return Map.of("userEntityRef", ref, "sessionsEnded", ended);
    }

    private Object userInfo(Request request) {
        Principal principal = request.requirePrincipal();
        if (!principal.isUser()) {
            throw new NotAllowedException("userinfo is for user tokens; this request came from " + principal.subject());
        }
        return Map.of("claims", Map.of("sub", principal.subject(), "ent", principal.ownershipRefs()));
    }

    /** Backstage's answer to {@code /api/auth/<provider>/refresh}: the profile and a user token. */
    static Map<String, Object> identityResponse(Principal user, String token, Tokens tokens) {
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("type", "user");
        identity.put("userEntityRef", user.subject());
        identity.put("ownershipEntityRefs", user.ownershipRefs());
        Map<String, Object> backstageIdentity = new LinkedHashMap<>();
        backstageIdentity.put("token", token);
        backstageIdentity.put("expiresInSeconds", tokens.userTokenLifetime().toSeconds());
        backstageIdentity.put("identity", identity);
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("profile", Map.of("displayName", user.displayName()));
        response.put("providerInfo", Map.of());
        response.put("backstageIdentity", backstageIdentity);
        return response;
    }

    private Map<String, Object> discovery() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", tokens.issuer());
        document.put("jwks_uri", baseUrl + "/api/auth/.well-known/jwks.json");
        document.put("userinfo_endpoint", baseUrl + "/api/auth/v1/userinfo");
        document.put("response_types_supported", List.of());
        document.put("subject_types_supported", List.of("public"));
        document.put("id_token_signing_alg_values_supported", List.of("ES256"));
        document.put("scopes_supported", List.of("openid"));
        document.put("claims_supported", List.of("sub", "ent"));
        return document;
    }
}
