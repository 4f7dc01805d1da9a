package io.kerberus.platform.auth;

import io.kerberus.plugin.AuditLog;
import io.kerberus.plugin.NotAuthenticatedException;
import io.kerberus.plugin.Principal;
import io.kerberus.plugin.Request;
import io.kerberus.plugin.Response;
import io.kerberus.plugin.Routes;
import io.kerberus.plugin.auth.SignInException;
import io.kerberus.plugin.auth.SignInInfo;
import io.kerberus.plugin.auth.UserDirectory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * user looked up again: a User entity that is gone ends the session).
 *
 * <p>A callback without this browser's flow cookie or with another {@code state} is refused without
 * an audit row (anyone can send one; it is logged at debug), and whatever text the provider or the
 * caller supplied is cut to {@value #PROVIDER_TEXT_LIMIT} characters before it is shown or audited.
 */
public final class ProviderRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderRoutes.class);
    private static final Duration FLOW_LIFETIME = Duration.ofMinutes(10);
    /** How much of a provider-supplied text (such as {@code error_description}) is kept. */
    static final int PROVIDER_TEXT_LIMIT = 200;

    private final AuthSettings settings;
    private final SessionStore sessions;
    private final Tokens tokens;
    private final Cookies cookies;
    private final AuthPages pages;
    private final Supplier<Optional<UserDirectory>> directory;
    private final SessionUsers sessionUsers;
    private final AuditLog audit;
    private final String baseUrl;

    public ProviderRoutes(AuthSettings settings, SessionStore sessions, Tokens tokens, Cookies cookies, AuthPages pages,
                          Supplier<Optional<UserDirectory>> directory, SessionUsers sessionUsers, AuditLog audit, String baseUrl) {
        this.settings = settings;
        this.sessions = sessions;
        this.tokens = tokens;
        this.cookies = cookies;
        this.pages = pages;
        this.directory = directory;
        this.sessionUsers = sessionUsers;
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
                    .cookie(cookies.set(cookies.flowName(provider.id()), flow.encode(), cookies.flowPath(provider.id()), FLOW_LIFETIME))
                    .header("Cache-Control", "no-store");
        } catch (SignInException e) {
            return refuse(request, provider, flow.returnTo(), e.getMessage(), null);
        }
    }

    private Object callback(Request request, ProviderSettings provider, OAuthClient client) {
        Optional<OAuthFlow> flow = request.cookie(cookies.flowName(provider.id())).flatMap(OAuthFlow::decode);
        String returnTo = flow.map(OAuthFlow::returnTo).orElse("/");
        if (flow.isEmpty() || !flow.get().matches(request.queryParam("state").orElse(null))) {
            // anyone can call the callback: without this browser's flow there is nothing worth an audit row
            LOG.debug("Refused a {} callback without a matching flow cookie (cookie {}, state {})", provider.id(),
                    flow.isPresent() ? "present" : "missing", request.queryParam("state").isPresent() ? "present" : "missing");
            return pages.signInPage(request, returnTo, "This sign-in attempt does not match the one this browser started "
                    + "(its state is missing, expired or different); start again from the sign-in page.", 401);
        }
        String clearFlow = cookies.clear(cookies.flowName(provider.id()), cookies.flowPath(provider.id()));
        Optional<String> error = request.queryParam("error");
        if (error.isPresent()) {
            return refuse(request, provider, returnTo, "The " + provider.title() + " provider did not sign you in: " + clip(error.get())
                    + request.queryParam("error_description").map(d -> " (" + clip(d) + ")").orElse("") + ".", null).cookie(clearFlow);
        }
        String code = request.queryParam("code").orElse("");
        if (code.isEmpty()) {
            return refuse(request, provider, returnTo, "The " + provider.title() + " provider sent no authorization code; start again.", null)
                    .cookie(clearFlow);
        }
        SignInInfo info = null;
        try {
            info = client.complete(code, flow.get(), redirectUri(provider));
            Principal user = provider.resolvers().resolve(info, directory.get());
            SessionStore.Created created = sessions.create(user, provider.id());
            audit.record(user.subject(), "auth.sign-in", user.subject(), outcome(provider, info, "success", null));
            return Response.redirect(returnTo)
                    .cookie(cookies.setSession(created.cookieValue(), sessions.duration()))
                    .cookie(clearFlow)
                    .header("Cache-Control", "no-store");
        } catch (SignInException e) {
            return refuse(request, provider, returnTo, e.getMessage(), info).cookie(clearFlow);
        }
    }

    private Response refuse(Request request, ProviderSettings provider, String returnTo, String reason, SignInInfo info) {
        audit.record((String) null, "auth.sign-in", "", outcome(provider, info, "failure", reason));
        return pages.signInPage(request, returnTo, reason, 401);
    }

    /** A text the provider or the caller supplied, cut to {@value #PROVIDER_TEXT_LIMIT} characters and without control characters. */
    static String clip(String text) {
        String clean = text.codePoints().map(c -> Character.isISOControl(c) ? ' ' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return clean.length() <= PROVIDER_TEXT_LIMIT ? clean : clean.substring(0, PROVIDER_TEXT_LIMIT) + "…";
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
        String cookie = cookies.session(name -> request.cookie(name).orElse(null))
                .orElseThrow(() -> new NotAuthenticatedException("No session to refresh; sign in with " + provider.title() + " first"));
        SessionStore.Session session = sessions.find(cookie)
                .orElseThrow(() -> new NotAuthenticatedException("The session has ended; sign in again"));
        Principal user = sessionUsers.refresh(cookie, session);
        return AuthRoutes.identityResponse(user, tokens.issueUserToken(user), tokens);
    }
}
