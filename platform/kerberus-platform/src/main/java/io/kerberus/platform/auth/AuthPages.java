package io.kerberus.platform.auth;

import io.kerberus.platform.http.Credentials;
import io.kerberus.platform.http.PageRenderer;
import io.kerberus.platform.ui.Shell;
import io.kerberus.plugin.AuditLog;
import io.kerberus.plugin.NotAllowedException;
import io.kerberus.plugin.NotFoundException;
import io.kerberus.plugin.Principal;
import io.kerberus.plugin.Request;
import io.kerberus.plugin.Response;
import io.kerberus.plugin.ui.Html;
import io.kerberus.plugin.ui.Pages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sign-in and sign-out: the sign-in page listing the configured providers, guest sign-in, sign-out
 * and sign-out on every device. The sign-in form is protected against login CSRF with a
 * short-lived cookie that the form echoes.
 */
public final class AuthPages {

    static final String SIGN_IN_COOKIE = "kerberus_signin";

    private final AuthSettings settings;
    private final SessionStore sessions;
    private final Shell shell;
    private final Cookies cookies;
    private final AuditLog audit;

    /** @param audit where guest sign-ins are recorded ({@code auth.sign-in}, provider {@code guest}) */
    public AuthPages(AuthSettings settings, SessionStore sessions, Shell shell, Cookies cookies, AuditLog audit) {
        this.settings = settings;
        this.sessions = sessions;
        this.shell = shell;
        this.cookies = cookies;
        this.audit = audit;
    }

    /** Mounts the pages at absolute paths through {@code root}, the platform's own pages. */
    public void mount(Pages root) {
        root.get("/sign-in", this::signInPage).unauthenticated();
        root.post("/auth/guest/sign-in", this::guestSignIn).unauthenticated();
        root.post("/auth/sign-out", this::signOut);
        root.post("/auth/sign-out-everywhere", this::signOutEverywhere);
    }

    private Object signInPage(Request request) {
        String returnTo = safeReturnTo(request.queryParam("returnTo").orElse("/"));
        if (request.principal().isPresent()) {
            return Response.redirect(returnTo);
        }
        return signInPage(request, returnTo, null, 200);
    }

    /**
     * The sign-in page: a button per configured provider, the guest form when guest sign-in is on,
     * and, after a refused attempt, why it was refused.
     *
     * @param error  the reason shown above the buttons, or null
     * @param status the HTTP status
     */
    Response signInPage(Request request, String returnTo, String error, int status) {
        String token = SessionStore.randomToken();
        List<Html> options = new ArrayList<>();
        for (ProviderSettings provider : settings.providers()) {
            options.add(Html.format("<li><a class=\"button primary\" data-provider=\"{}\" href=\"/api/auth/{}/start?returnTo={}\">"
                    + "Sign in with {}</a></li>", provider.id(), provider.id(), URLEncoder.encode(returnTo, StandardCharsets.UTF_8), provider.title()));
        }
        if (settings.guest().isPresent()) {
            options.add(Html.format("""
                    <li><form method="post" action="/auth/guest/sign-in">\
                    <input type="hidden" name="_csrf" value="{}"><input type="hidden" name="returnTo" value="{}">\
                    <button type="submit" class="button{}">Enter as guest</button></form>\
                    <p class="hint">Guest access is meant for trying the portal out and for development.</p></li>""",
                    token, returnTo, Html.trusted(settings.providers().isEmpty() ? " primary" : "")));
        }
        Html list = options.isEmpty() ? Html.trusted("""
                <div class="notice warning">No sign-in method is configured. For development, add <code>auth: {providers: {guest: {}}}</code> \
                to app-config.yaml; for production, configure an identity provider (see docs/auth.md).</div>""")
                : Html.format("<ul class=\"sign-in-options\">{}</ul>", Html.join(options));
        Html notice = error == null ? Html.EMPTY
                : Html.format("<div class=\"notice error\" role=\"alert\" id=\"sign-in-error\"><strong>Sign-in failed.</strong> {}</div>", error);
        Html body = Html.format("<h1>Sign in</h1><p class=\"muted\">to {}</p>{}{}", shell.branding().title(), notice, list);
        String html = shell.bare(new PageRenderer.PageRequest(request.path(), request.path(), null, "", false), "Sign in", body);
        return Response.text(status, "text/html; charset=utf-8", html)
                .cookie(cookies.set(SIGN_IN_COOKIE, token, "/auth", Duration.ofHours(1)))
                .header("Cache-Control", "no-store");
    }

    private Object guestSignIn(Request request) {
        AuthSettings.GuestSettings guest = settings.guest()
                .orElseThrow(() -> new NotFoundException("Guest sign-in is off; add auth.providers.guest to the config to turn it on"));
        String expected = request.cookie(SIGN_IN_COOKIE).orElse("");
        String given = request.formParam(Credentials.CSRF_FIELD).orElse("");
        if (expected.isEmpty() || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8))) {
            audit.record((String) null, "auth.sign-in", "", Map.of("provider", "guest", "outcome", "failure",
                    "reason", "the sign-in form expired or came from another site"));
            throw new NotAllowedException("The sign-in form expired or came from another site; open the sign-in page again.");
        }
        Principal user = AuthRoutes.guest(guest);
        SessionStore.Created created = sessions.create(user, "guest");
        audit.record(user.subject(), "auth.sign-in", user.subject(), Map.of("provider", "guest", "outcome", "success"));
        String returnTo = safeReturnTo(request.formParam("returnTo").orElse("/"));
        return Response.redirect(returnTo).cookie(cookies.setSession(created.cookieValue(), sessions.duration()));
    }

    private Object signOut(Request request) {
        cookies.session(name -> request.cookie(name).orElse(null)).ifPresent(sessions::delete);
        return signedOut();
    }

    private Object signOutEverywhere(Request request) {
        sessions.deleteAll(request.requirePrincipal().subject());
        return signedOut();
    }

    private Response signedOut() {
        Response response = Response.redirect("/sign-in");
        for (String clear : cookies.clearSession()) {
            response = response.cookie(clear);
        }
        return response;
    }

    /** A return path inside this portal; anything else (another site, a scheme) becomes {@code /}. */
    static String safeReturnTo(String returnTo) {
        if (returnTo == null || !returnTo.startsWith("/") || returnTo.startsWith("//") || returnTo.contains("\\")
                || returnTo.chars().anyMatch(Character::isISOControl)) {
            return "/";
        }
        return returnTo;
    }

    /** The sign-in URL that leads back to {@code path}. */
    public static String signInUrl(String path) {
        return "/sign-in?returnTo=" + URLEncoder.encode(path, StandardCharsets.UTF_8);
    }
}
