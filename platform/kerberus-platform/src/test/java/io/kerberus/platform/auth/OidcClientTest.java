package io.kerberus.platform.auth;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.kerberus.plugin.auth.SignInException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Date;
import java.util.Optional;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OidcClientTest {

    static final String ISSUER = "https://idp.example.com";
    static RSAKey providerKey;
    static RSAKey otherKey;
    static OidcClient client;
    static OidcClient.Metadata metadata;

    @BeforeAll
    static void keys() throws Exception {
        providerKey = new RSAKeyGenerator(2048).keyID("provider").generate();
        otherKey = new RSAKeyGenerator(2048).keyID("provider").generate();
        metadata = new OidcClient.Metadata(ISSUER, ISSUER + "/authorize", ISSUER + "/token", new ImmutableJWKSet<>(new JWKSet(providerKey.toPublicJWK())));
        ProviderSettings settings = new ProviderSettings("oidc", ProviderSettings.Kind.OIDC, "OIDC", "kerberus", "secret",
                ISSUER + "/.well-known/openid-configuration", "openid email", "", Optional.empty(), Optional.empty(), null);
        client = new OidcClient(settings, "development");
    }

    static String idToken(RSAKey key, Consumer<JWTClaimsSet.Builder> change) throws Exception {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(ISSUER).audience("kerberus").subject("jane")
                .issueTime(new Date()).expirationTime(new Date(System.currentTimeMillis() + 60_000)).claim("nonce", "n-1")
                .claim("email", "jane@acme.org");
        change.accept(claims);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(), claims.build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    @Test
    void acceptsAnIdTokenSignedByTheProviderForThisClientAndNonce() throws Exception {
        JWTClaimsSet claims = client.verify(idToken(providerKey, c -> { }), "n-1", metadata);

        assertThat(claims.getSubject()).isEqualTo("jane");
    }

    @Test
    void refusesAnIdTokenSignedWithAnotherKey() throws Exception {
        String token = idToken(otherKey, c -> { });

        assertThatThrownBy(() -> client.verify(token, "n-1", metadata)).isInstanceOf(SignInException.class)
                .hasMessageContaining("The ID token from the oidc provider was refused").hasMessageContaining("auth.providers.oidc.development");
    }

    @Test
    void refusesAnIdTokenForAnotherAudience() throws Exception {
        String token = idToken(providerKey, c -> c.audience("another-client"));

        assertThatThrownBy(() -> client.verify(token, "n-1", metadata)).isInstanceOf(SignInException.class).hasMessageContaining("aud claim rejected");
    }

    @Test
    void refusesAnIdTokenWithAnotherNonce() throws Exception {
        String token = idToken(providerKey, c -> c.claim("nonce", "n-2"));

        assertThatThrownBy(() -> client.verify(token, "n-1", metadata)).isInstanceOf(SignInException.class).hasMessageContaining("nonce");
    }

    @Test
    void refusesAnIdTokenFromAnotherIssuerOrExpired() throws Exception {
        String otherIssuer = idToken(providerKey, c -> c.issuer("https://evil.example.com"));
        String expired = idToken(providerKey, c -> c.expirationTime(new Date(System.currentTimeMillis() - 600_000)));

        assertThatThrownBy(() -> client.verify(otherIssuer, "n-1", metadata)).isInstanceOf(SignInException.class).hasMessageContaining("iss");
        assertThatThrownBy(() -> client.verify(expired, "n-1", metadata)).isInstanceOf(SignInException.class).hasMessageContaining("xpired");
    }

    @Test
    void refusesAnIdTokenForSeveralAudiencesWithoutAzpOrWithAnotherAzp() throws Exception {
        String noAzp = idToken(providerKey, c -> c.audience(java.util.List.of("kerberus", "another-client")));
        String otherAzp = idToken(providerKey, c -> c.audience(java.util.List.of("kerberus", "another-client")).claim("azp", "another-client"));

        assertThatThrownBy(() -> client.verify(noAzp, "n-1", metadata)).isInstanceOf(SignInException.class)
                .hasMessageContaining("several audiences").hasMessageContaining("without an azp claim");
        assertThatThrownBy(() -> client.verify(otherAzp, "n-1", metadata)).isInstanceOf(SignInException.class)
                .hasMessageContaining("another client (azp another-client)");
    }

    @Test
    void acceptsSeveralAudiencesWhenAzpIsThisClient() throws Exception {
        String token = idToken(providerKey, c -> c.audience(java.util.List.of("kerberus", "another-client")).claim("azp", "kerberus"));

        assertThat(client.verify(token, "n-1", metadata).getSubject()).isEqualTo("jane");
    }
}
