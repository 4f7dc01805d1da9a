package io.kerberus.platform.auth;

import io.kerberus.platform.http.Credentials;
import io.kerberus.plugin.AuditLog;
import io.kerberus.plugin.NotAuthenticatedException;
import io.kerberus.plugin.Principal;
import io.kerberus.plugin.Request;
import io.kerberus.plugin.Response;
import io.kerberus.plugin.Routes;
import io.kerberus.plugin.auth.SignInException;
import io.kerberus.plugin.auth.SignInInfo;
import io.kerberus.plugin.auth.UserDirectory;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The OAuth and OpenID Connect providers' routes under {@code /api/auth/<id>}, at Backstage's
 * paths: {@code start} (redirects to the provider), {@code handler/frame} (the callback: checks
 * {@code state}, redeems the code, runs the sign-in resolvers, opens a session, records the
 * outcome in the audit log) and {@code refresh} (a fresh user token for the session, with its
 * ownership looked up again).
 */
public final class ProviderRoutes {

    private static final Duration FLOW_LIFETIME = Duration.ofMinutes(10);

    private final AuthSettings settings;
    private final SessionStore sessions;
    private final Tokens tokens;
    private final Cookies cookies;
    private final AuthPages pages;
    private final Supplier<Optional<UserDirectory>> directory;
    private final AuditLog audit;
    private final String baseUrl;

    public ProviderRoutes(AuthSettings settings, SessionStore sessions, Tokens tokens, Cookies cookies, AuthPages pages,
                          Supplier<Optional<UserDirectory>> directory, AuditLog audit, String baseUrl) {
        this.settings = settings;
        this.sessions = sessions;
        this.tokens = tokens;
        this.cookies = cookies;
        this.pages = pages;
        this.directory = directory;
        this.audit = audit;
        this.baseUrl = baseUrl;
    }

    /** Mounts the routes of every configured provider on the auth routes ({@code /api/auth}). */
    public void mount(Routes routes) {
        for (ProviderSettings provider : settings.providers()) {
            OAuthClient client = provider.kind() == ProviderSettings.Kind.GITHUB
                    ? new GithubClient(provider, settings.environment()) : new OidcClient(provider, settings.environment());
            String prefix = "/" + provider.id();
            routes.get(prefix + "/start", request -> start(request, provider, client)).unauthenticated();
            routes.get(prefix + "/handler/frame", request -> callback(request, provider, client)).unauthenticated();
            routes.get(prefix + "/refresh", request -> refresh(request, provider)).unauthenticated();
        }
    }

    /** The callback URL the provider must send the browser back to. */
    String redirectUri(ProviderSettings provider) {
        return provider.callbackUrl().orElse(baseUrl + "/api/auth/" + provider.id() + "/handler/frame");
    }

    private Object start(Request request, ProviderSettings provider, OAuthClient client) {
        OAuthFlow flow = OAuthFlow.start(AuthPages.safeReturnTo(request.queryParam("returnTo").orElse("/")));
        try {
            return Response.redirect(client.authorizeUrl(flow, redirectUri(provider)).toString())
                    .header("Set-Cookie", cookies.set(OAuthFlow.cookieName(provider.id()), flow.encode(),
                            "/api/auth/" + provider.id(), FLOW_LIFETIME))
                    .header("Cache-Control", "no-store");
        } catch (SignInException e) {
            return refuse(request, provider, flow.returnTo(), e.getMessage(), null);
        }
    }

    private Object callback(Request request, ProviderSettings provider, OAuthClient client) {
        Optional<OAuthFlow> flow = request.cookie(OAuthFlow.cookieName(provider.id())).flatMap(OAuthFlow::decode);
        String returnTo = flow.map(OAuthFlow::returnTo).orElse("/");
        if (flow.isEmpty() || !flow.get().matches(request.queryParam("state").orElse(null))) {
            return refuse(request, provider, returnTo, "This sign-in attempt does not match the one this browser started "
                    + "(its state is missing, expired or different); start again from the sign-in page.", null);
        }
        Optional<String> error = request.queryParam("error");
        if (error.isPresent()) {
            return refuse(request, provider, returnTo, "The " + provider.title() + " provider did not sign you in: " + error.get()
                    + request.queryParam("error_description").map(d -> " (" + d + ")").orElse("") + ".", null);
        }
        String code = request.queryParam("code").orElse("");
        if (code.isEmpty()) {
            return refuse(request, provider, returnTo, "The " + provider.title() + " provider sent no authorization code; start again.", null);
        }
        SignInInfo info = null;
        try {
            info = client.complete(code, flow.get(), redirectUri(provider));
            Principal user = provider.resolvers().resolve(info, directory.get());
            SessionStore.Created created = sessions.create(user);
            audit.record(user.subject(), "auth.sign-in", user.subject(), outcome(provider, info, "success", null));
            // the flow cookie is left to expire: a response carries one Set-Cookie, and the code it guarded is spent
            return Response.redirect(returnTo)
                    .header("Set-Cookie", cookies.set(Credentials.SESSION_COOKIE, created.cookieValue(), "/", sessions.duration()))
                    .header("Cache-Control", "no-store");
        } catch (SignInException e) {
            return refuse(request, provider, returnTo, e.getMessage(), info);
        }
    }

    private Object refuse(Request request, ProviderSettings provider, String returnTo, String reason, SignInInfo info) {
        audit.record((String) null, "auth.sign-in", "", outcome(provider, info, "failure", reason));
        return pages.signInPage(request, returnTo, reason, 401);
    }

    private static Map<String, Object> outcome(ProviderSettings provider, SignInInfo info, String outcome, String reason) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("provider", provider.id());
        details.put("outcome", outcome);
        if (info != null) {
            info.email().ifPresent(email -> details.put("email", email));
            info.username().ifPresent(username -> details.put("username", username));
        }
        if (reason != null) {
            details.put("reason", reason);
        }
        return details;
    }

    private Object refresh(Request request, ProviderSettings provider) {
        if (!request.header("X-Requested-With").map("XMLHttpRequest"::equals).orElse(false)) {
            throw new NotAuthenticatedException("Refresh needs the header X-Requested-With: XMLHttpRequest, as in Backstage");
        }
        String cookie = request.cookie(Credentials.SESSION_COOKIE)
                .orElseThrow(() -> new NotAuthenticatedException("No session to refresh; sign in with " + provider.title() + " first"));
        SessionStore.Session session = sessions.find(cookie)
                .orElseThrow(() -> new NotAuthenticatedException("The session has ended; sign in again"));
        Principal before = session.principal();
        Principal user = directory.get()
                .map(users -> Principal.user(before.subject(), users.ownershipRefs(before.subject()), before.displayName()))
                .orElse(before);
        if (!user.ownershipRefs().equals(before.ownershipRefs())) {
            sessions.update(cookie, user);
        }
        return AuthRoutes.identityResponse(user, tokens.issueUserToken(user), tokens);
    }
}
