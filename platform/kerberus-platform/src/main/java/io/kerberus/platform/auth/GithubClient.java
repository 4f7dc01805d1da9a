package io.kerberus.platform.auth;

import io.kerberus.plugin.auth.SignInException;
import io.kerberus.plugin.auth.SignInInfo;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * GitHub's OAuth web flow: the browser goes to {@code /login/oauth/authorize} with {@code state}
 * (and PKCE), the code is redeemed at {@code /login/oauth/access_token}, and the person is read from
 * {@code /user} and {@code /user/emails}. With {@code enterpriseInstanceUrl} the same paths are used
 * on GitHub Enterprise, whose API lives under {@code /api/v3}.
 */
final class GithubClient implements OAuthClient {

    private final ProviderSettings settings;
    private final String key;
    private final String webUrl;
    private final String apiUrl;
    private final OAuthHttp http;

    GithubClient(ProviderSettings settings, String environment) {
        this.settings = settings;
        this.key = "auth.providers." + settings.id() + "." + environment;
        this.webUrl = settings.enterpriseInstanceUrl().orElse("https://github.com");
        this.apiUrl = settings.enterpriseInstanceUrl().map(url -> url + "/api/v3").orElse("https://api.github.com");
        this.http = new OAuthHttp(settings.id());
    }

    @Override
    public URI authorizeUrl(OAuthFlow flow, String redirectUri) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("client_id", settings.clientId());
        params.put("redirect_uri", redirectUri);
        params.put("scope", settings.scope());
        params.put("state", flow.state());
        params.put("code_challenge", flow.challenge());
        params.put("code_challenge_method", "S256");
        return URI.create(webUrl + "/login/oauth/authorize?" + OAuthHttp.query(params));
    }

    @Override
    public SignInInfo complete(String code, OAuthFlow flow, String redirectUri) {
        JsonNode token = http.postForm(webUrl + "/login/oauth/access_token", Map.of("client_id", settings.clientId(),
                "client_secret", settings.clientSecret(), "code", code, "redirect_uri", redirectUri, "code_verifier", flow.verifier()), Map.of());
        if (token.has("error")) {
            throw new SignInException("GitHub refused the sign-in: " + ProviderRoutes.clip(token.path("error").asString())
                    + (token.has("error_description") ? " (" + ProviderRoutes.clip(token.path("error_description").asString()) + ")" : "")
                    + "; start again, and check clientId and clientSecret under " + key);
        }
        String accessToken = token.path("access_token").asString("");
        if (accessToken.isEmpty()) {
            throw new SignInException("GitHub returned no access token; check clientId and clientSecret under " + key);
        }
        Map<String, String> auth = Map.of("Authorization", "Bearer " + accessToken, "Accept", "application/vnd.github+json",
                "X-GitHub-Api-Version", "2022-11-28");
        JsonNode user = http.getJson(apiUrl + "/user", auth);
        String login = user.path("login").asString("");
        if (login.isEmpty()) {
            throw new SignInException("GitHub's /user answer has no login; check enterpriseInstanceUrl under " + key);
        }
        Optional<String> email = primaryEmail(auth).or(() -> Optional.ofNullable(user.path("email").asString(null)));
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("login", login);
        profile.put("id", user.path("id").asLong());
        email.ifPresent(e -> profile.put("email", e));
        String name = user.path("name").asString("");
        return new SignInInfo(settings.id(), key + ".signIn.resolvers", email, Optional.of(login), name.isBlank() ? login : name, profile);
    }

    /** The primary verified address from {@code /user/emails}; empty when the token may not read it. */
    private Optional<String> primaryEmail(Map<String, String> auth) {
        try {
            JsonNode emails = http.getJson(apiUrl + "/user/emails", auth);
            for (JsonNode email : emails) {
                if (email.path("primary").asBoolean(false) && email.path("verified").asBoolean(false)) {
                    return Optional.of(email.path("email").asString());
                }
            }
            return Optional.empty();
        } catch (SignInException e) {
            return Optional.empty();
        }
    }
}
