package io.kerberus.platform.auth;

import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * One sign-in attempt in flight, kept in a short-lived HttpOnly cookie (see {@link Cookies#flowName})
 * between the redirect to the provider and its callback: the {@code state} that binds the callback
 * to this browser, the OIDC {@code nonce}, the PKCE verifier and where to go afterwards.
 *
 * @param state    random; the callback's {@code state} must equal it
 * @param nonce    random; the ID token's {@code nonce} must equal it
 * @param verifier the PKCE code verifier (43 characters); its S256 hash goes to the provider
 * @param returnTo a path inside the portal
 */
record OAuthFlow(String state, String nonce, String verifier, String returnTo) {

    private static final JsonMapper JSON = JsonMapper.shared();

    static OAuthFlow start(String returnTo) {
        return new OAuthFlow(SessionStore.randomToken(), SessionStore.randomToken(), SessionStore.randomToken(), returnTo);
    }

    /** The PKCE S256 code challenge of the verifier. */
    String challenge() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    String encode() {
        String json = JSON.writeValueAsString(Map.of("s", state, "n", nonce, "v", verifier, "r", returnTo));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** The flow in a cookie value; empty when it is missing or malformed. */
    static Optional<OAuthFlow> decode(String cookie) {
        try {
            Map<?, ?> map = JSON.readValue(Base64.getUrlDecoder().decode(cookie), Map.class);
            if (map.get("s") instanceof String s && map.get("n") instanceof String n && map.get("v") instanceof String v
                    && map.get("r") instanceof String r) {
                return Optional.of(new OAuthFlow(s, n, v, AuthPages.safeReturnTo(r)));
            }
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code given} is this flow's state, compared in constant time. */
    boolean matches(String given) {
        return given != null && MessageDigest.isEqual(state.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
