package io.kerberus.platform.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.kerberus.plugin.auth.SignInException;
import io.kerberus.plugin.auth.SignInInfo;
import tools.jackson.databind.JsonNode;

import java.net.MalformedURLException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * OpenID Connect sign-in: discovery from {@code metadataUrl}, the authorization code flow with
 * PKCE (S256), {@code state} and {@code nonce}, and an ID token verified against the provider's
 * JWKS (signature, issuer, audience = client id, expiry, nonce).
 */
final class OidcClient implements OAuthClient {

    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.PS256);

    private final ProviderSettings settings;
    private final String key;
    private final OAuthHttp http;
    private volatile Metadata metadata;

    /** The discovery document's endpoints and the provider's signing keys. */
    record Metadata(String issuer, String authorizationEndpoint, String tokenEndpoint, JWKSource<SecurityContext> keys) {
    }

    OidcClient(ProviderSettings settings, String environment) {
        this.settings = settings;
        this.key = "auth.providers." + settings.id() + "." + environment;
        this.http = new OAuthHttp(settings.id());
    }

    @Override
    public URI authorizeUrl(OAuthFlow flow, String redirectUri) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("response_type", "code");
        params.put("client_id", settings.clientId());
        params.put("redirect_uri", redirectUri);
        params.put("scope", settings.scope());
        params.put("state", flow.state());
        params.put("nonce", flow.nonce());
        params.put("code_challenge", flow.challenge());
        params.put("code_challenge_method", "S256");
        if (!settings.prompt().isEmpty() && !settings.prompt().equals("auto")) {
            params.put("prompt", settings.prompt());
        }
        String endpoint = metadata().authorizationEndpoint();
        return URI.create(endpoint + (endpoint.contains("?") ? "&" : "?") + OAuthHttp.query(params));
    }

    @Override
    public SignInInfo complete(String code, OAuthFlow flow, String redirectUri) {
        Metadata meta = metadata();
        String basic = Base64.getEncoder().encodeToString((OAuthHttp.formEncode(settings.clientId()) + ":"
                + OAuthHttp.formEncode(settings.clientSecret())).getBytes(StandardCharsets.UTF_8));
        JsonNode tokens = http.postForm(meta.tokenEndpoint(), Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", redirectUri, "code_verifier", flow.verifier(), "client_id", settings.clientId()),
                Map.of("Authorization", "Basic " + basic));
        if (tokens.has("error")) {
            throw new SignInException("The " + settings.id() + " provider refused the sign-in: " + ProviderRoutes.clip(tokens.path("error").asString())
                    + (tokens.has("error_description") ? " (" + ProviderRoutes.clip(tokens.path("error_description").asString()) + ")" : "")
                    + "; start again, and check clientId, clientSecret and callbackUrl under " + key);
        }
        String idToken = tokens.path("id_token").asString("");
        if (idToken.isEmpty()) {
            throw new SignInException("The " + settings.id() + " provider returned no ID token; check that scope under " + key + " contains openid");
        }
        return info(verify(idToken, flow.nonce(), meta));
    }

    /** The ID token's claims once its signature, issuer, audience, expiry and nonce are right. */
    JWTClaimsSet verify(String idToken, String nonce, Metadata meta) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, meta.keys()));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(settings.clientId(),
                new JWTClaimsSet.Builder().issuer(meta.issuer()).claim("nonce", nonce).build(), Set.of("sub", "exp", "iat")));
        JWTClaimsSet claims;
        try {
            claims = processor.process(idToken, null);
        } catch (Exception e) {
            throw new SignInException("The ID token from the " + settings.id() + " provider was refused: " + e.getMessage()
                    + "; start again, and check metadataUrl and clientId under " + key);
        }
        // OIDC Core 3.1.3.7: with several audiences, azp must be there and be this client; when present, it must be this client
        Object azp = claims.getClaim("azp");
        List<String> audience = claims.getAudience();
        if ((audience != null && audience.size() > 1 && azp == null) || (azp != null && !settings.clientId().equals(azp.toString()))) {
            throw new SignInException("The ID token from the " + settings.id() + " provider was refused: it was issued to "
                    + (azp == null ? "several audiences " + audience + " without an azp claim" : "another client (azp " + ProviderRoutes.clip(azp.toString()) + ")")
                    + "; start again, and check clientId under " + key);
        }
        return claims;
    }

    private SignInInfo info(JWTClaimsSet claims) {
        Map<String, Object> profile = new LinkedHashMap<>();
        for (String name : new String[] {"sub", "iss", "name", "email", "email_verified", "preferred_username"}) {
            Object value = claims.getClaim(name);
            if (value != null) {
                profile.put(name, value);
            }
        }
        Object verified = claims.getClaim("email_verified");
        Optional<String> email = Optional.ofNullable(claims.getClaim("email")).map(Object::toString)
                .filter(e -> !Boolean.FALSE.equals(verified) && !"false".equals(String.valueOf(verified)));
        Optional<String> username = Optional.ofNullable(claims.getClaim("preferred_username")).map(Object::toString);
        String name = Optional.ofNullable(claims.getClaim("name")).map(Object::toString).orElse(email.orElse(claims.getSubject()));
        return new SignInInfo(settings.id(), key + ".signIn.resolvers", email, username, name, profile);
    }

    private Metadata metadata() {
        Metadata current = metadata;
        if (current != null) {
            return current;
        }
        JsonNode document = http.getJson(settings.metadataUrl(), Map.of());
        String issuer = document.path("issuer").asString("");
        String authorization = document.path("authorization_endpoint").asString("");
        String token = document.path("token_endpoint").asString("");
        String jwks = document.path("jwks_uri").asString("");
        if (issuer.isEmpty() || authorization.isEmpty() || token.isEmpty() || jwks.isEmpty()) {
            throw new SignInException("The OpenID discovery document at " + settings.metadataUrl() + " (" + key
                    + ".metadataUrl) lacks issuer, authorization_endpoint, token_endpoint or jwks_uri; point metadataUrl at "
                    + "the provider's /.well-known/openid-configuration");
        }
        try {
            JWKSource<SecurityContext> keys = JWKSourceBuilder.create(URI.create(jwks).toURL()).retrying(true).build();
            current = new Metadata(issuer, authorization, token, keys);
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new SignInException("The jwks_uri " + jwks + " of " + key + ".metadataUrl is not a URL");
        }
        metadata = current;
        return current;
    }
}
