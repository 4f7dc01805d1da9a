package io.kerberus.platform.auth;

import io.kerberus.plugin.Config;

import java.net.URI;
import java.util.Optional;

/**
 * One sign-in provider from {@code auth.providers.<id>.<environment>}, in Backstage's shape:
 * {@code github} (GitHub or GitHub Enterprise OAuth) or an OpenID Connect provider ({@code oidc}, or
 * any other id whose block has {@code metadataUrl}, such as {@code keycloak}).
 *
 * @param id                    the provider id
 * @param kind                  how it signs people in
 * @param title                 the button label
 * @param clientId              the OAuth client id
 * @param clientSecret          the OAuth client secret; never logged or sent to the browser
 * @param metadataUrl           OIDC: the discovery document's URL
 * @param scope                 the scopes to ask for
 * @param prompt                OIDC: the {@code prompt} parameter, empty for none
 * @param callbackUrl           where the provider sends the browser back, empty for the default
 *                              {@code <backend.baseUrl>/api/auth/<id>/handler/frame}
 * @param enterpriseInstanceUrl GitHub: the GitHub Enterprise URL, empty for github.com
 * @param resolvers             the sign-in resolvers
 */
public record ProviderSettings(String id, Kind kind, String title, String clientId, String clientSecret, String metadataUrl,
                               String scope, String prompt, Optional<String> callbackUrl, Optional<String> enterpriseInstanceUrl,
                               SignInResolvers resolvers) {

    /** How a provider signs people in. */
    public enum Kind { OIDC, GITHUB }

    @Override
    public String toString() {
        return "ProviderSettings[" + id + ", " + kind + ", clientId=" + clientId + "]";
    }

    /**
     * Reads {@code auth.providers.<id>.<environment>}; {@code block} is that object.
     *
     * @param production whether {@code auth.environment} or {@code app.environment} is production,
     *                   where resolvers that could sign strangers in refuse to start
     */
    static ProviderSettings from(String id, String environment, Config block, boolean production) {
        String key = "auth.providers." + id + "." + environment;
        Kind kind = id.equals("github") ? Kind.GITHUB : Kind.OIDC;
        String clientId = block.getString("clientId");
        String clientSecret = block.getString("clientSecret");
        Optional<String> callbackUrl = block.getOptionalString("callbackUrl").map(url -> httpUrl(block, "callbackUrl", url));
        block.ignore("additionalScopes", "Kerberus asks for the scopes sign-in needs; set scope to change them");
        block.ignore("sessionDuration", "use auth.session.duration");
        SignInResolvers resolvers = SignInResolvers.from(block, key + ".signIn.resolvers", kind, production);
        if (kind == Kind.GITHUB) {
            Optional<String> enterprise = block.getOptionalString("enterpriseInstanceUrl").map(url -> httpUrl(block, "enterpriseInstanceUrl", url));
            return new ProviderSettings(id, kind, block.getString("title", "GitHub"), clientId, clientSecret, "",
                    block.getString("scope", "read:user user:email"), "", callbackUrl, enterprise, resolvers);
        }
        String metadataUrl = httpUrl(block, "metadataUrl", block.getString("metadataUrl"));
        if (!metadataUrl.startsWith("https://") && !isLoopback(URI.create(metadataUrl).getHost())) {
            throw block.error("metadataUrl", "must be an https URL: over http anyone on the way could swap the provider's "
                    + "endpoints and keys and sign in as anyone (http is accepted for localhost and 127.0.0.1 only); found \""
                    + metadataUrl + "\"");
        }
        block.ignore("tokenEndpointAuthMethod", "Kerberus sends the client secret with HTTP Basic (client_secret_basic)");
        block.ignore("tokenSignedResponseAlg", "Kerberus accepts RS256, ES256 and PS256 ID tokens signed by the provider's JWKS");
        String scope = block.getString("scope", "openid profile email");
        if (!(" " + scope + " ").contains(" openid ")) {
            throw block.error("scope", "must contain openid, for example 'openid profile email'");
        }
        return new ProviderSettings(id, kind, block.getString("title", id.equals("oidc") ? "OpenID Connect" : capitalize(id)),
                clientId, clientSecret, metadataUrl, scope, block.getString("prompt", ""), callbackUrl, Optional.empty(), resolvers);
    }

    private static String httpUrl(Config block, String field, String url) {
        try {
            URI uri = URI.create(url);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw block.error(field, "expected an http(s) URL but found \"" + url + "\"");
            }
            return url.replaceAll("/+$", "");
        } catch (IllegalArgumentException e) {
            throw block.error(field, "is not a valid URL: " + e.getMessage());
        }
    }

    /** Whether a host is this machine, where plain http is acceptable for development. */
    static boolean isLoopback(String host) {
        return host != null && (host.equalsIgnoreCase("localhost") || host.equals("127.0.0.1") || host.equals("[::1]"));
    }

    private static String capitalize(String id) {
        return Character.toUpperCase(id.charAt(0)) + id.substring(1);
    }
}
