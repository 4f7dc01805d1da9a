package io.kerberus.platform.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.kerberus.plugin.Principal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Issues and verifies the portal's tokens, shaped like Backstage's: ES256 JWTs with
 * {@code typ: vnd.backstage.user} ({@code sub} a user entity ref, {@code ent} its ownership refs)
 * or {@code typ: vnd.backstage.plugin} ({@code sub: plugin:<id>}), {@code aud: backstage}; and the
 * static tokens of {@code backend.auth.externalAccess}.
 */
public final class Tokens {

    static final String USER_TYPE = "vnd.backstage.user";
    static final String PLUGIN_TYPE = "vnd.backstage.plugin";
    static final String AUDIENCE = "backstage";
    private static final Duration SERVICE_TOKEN_LIFETIME = Duration.ofHours(1);

    private final SigningKeys keys;
    private final String issuer;
    private final Duration userTokenLifetime;
    private final List<AuthSettings.StaticToken> staticTokens;
    private final Clock clock;

    public Tokens(SigningKeys keys, String issuer, Duration userTokenLifetime, List<AuthSettings.StaticToken> staticTokens, Clock clock) {
        this.keys = keys;
        this.issuer = issuer;
        this.userTokenLifetime = userTokenLifetime;
        this.staticTokens = staticTokens;
        this.clock = clock;
    }

    public String issuer() {
        return issuer;
    }

    public Duration userTokenLifetime() {
        return userTokenLifetime;
    }

    /** A user token for a user principal. */
    public String issueUserToken(Principal user) {
        if (!user.isUser()) {
            throw new IllegalArgumentException("User tokens are for users, not " + user.subject());
        }
        JWTClaimsSet.Builder claims = claims(user.subject(), userTokenLifetime).claim("ent", user.ownershipRefs());
        if (!user.displayName().equals(user.subject())) {
            claims.claim("name", user.displayName());
        }
        return sign(USER_TYPE, claims.build());
    }

    /** A token with which a plugin calls other plugins or replicas. */
    public String issueServiceToken(String pluginId) {
        return sign(PLUGIN_TYPE, claims("plugin:" + pluginId, SERVICE_TOKEN_LIFETIME).build());
    }

    /**
     * The principal of a bearer token, or empty when the token is not valid: a wrong signature,
     * another algorithm (including {@code none}), an unknown key, another audience or issuer, or expired.
     */
    public Optional<Principal> verify(String token) {
        Optional<Principal> external = verifyStatic(token);
        if (external.isPresent()) {
            return external;
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            JWSHeader header = jwt.getHeader();
            if (!JWSAlgorithm.ES256.equals(header.getAlgorithm()) || header.getKeyID() == null || header.getType() == null) {
                return Optional.empty();
            }
            Optional<ECKey> key = keys.publicKey(header.getKeyID());
            if (key.isEmpty() || !jwt.verify(new ECDSAVerifier(key.get()))) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            if (!claims.getAudience().contains(AUDIENCE) || !issuer.equals(claims.getIssuer()) || claims.getExpirationTime() == null
                    || claims.getExpirationTime().getTime() <= clock.millis() || claims.getSubject() == null) {
                return Optional.empty();
            }
            return principal(header.getType().getType(), claims);
        } catch (ParseException | JOSEException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private Optional<Principal> principal(String type, JWTClaimsSet claims) throws ParseException {
        String subject = claims.getSubject();
        if (USER_TYPE.equals(type) && subject.startsWith("user:")) {
            List<String> ent = claims.getStringListClaim("ent");
            return Optional.of(Principal.user(subject, ent == null ? List.of(subject) : ent, claims.getStringClaim("name")));
        }
        if (PLUGIN_TYPE.equals(type) && subject.startsWith("plugin:")) {
            return Optional.of(Principal.service(subject.substring("plugin:".length())));
        }
        return Optional.empty();
    }

    private Optional<Principal> verifyStatic(String token) {
        byte[] given = token.getBytes(StandardCharsets.UTF_8);
        for (AuthSettings.StaticToken candidate : staticTokens) {
            if (MessageDigest.isEqual(given, candidate.token().getBytes(StandardCharsets.UTF_8))) {
                return Optional.of(Principal.external(candidate.subject()));
            }
        }
        return Optional.empty();
    }

    private JWTClaimsSet.Builder claims(String subject, Duration lifetime) {
        long now = clock.millis();
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(subject)
                .audience(AUDIENCE)
                .issueTime(new Date(now / 1000 * 1000))
                .expirationTime(new Date(now + lifetime.toMillis()));
    }

    private String sign(String type, JWTClaimsSet claims) {
        ECKey key = keys.current();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID())
                    .type(new JOSEObjectType(type)).build(), claims);
            jwt.sign(new ECDSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a token: " + e.getMessage(), e);
        }
    }
}
