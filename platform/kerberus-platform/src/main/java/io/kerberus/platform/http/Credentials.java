package io.kerberus.platform.http;

import io.javalin.http.Context;
import io.kerberus.platform.auth.Cookies;
import io.kerberus.platform.auth.SessionStore;
import io.kerberus.platform.auth.SessionUsers;
import io.kerberus.platform.auth.Tokens;
import io.kerberus.plugin.NotAllowedException;
import io.kerberus.plugin.NotAuthenticatedException;
import io.kerberus.plugin.Principal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Finds who sent a request: a bearer token (user, plugin or static token) or the session cookie.
 * A bearer token that is present but invalid is refused, even on public routes. A session whose
 * user was last looked up longer than {@code auth.session.revalidateAfter} ago is looked up again
 * ({@link SessionUsers#revalidate}), and ends when the User entity is gone.
 */
public final class Credentials {

    /** The session cookie's name over http ({@code __Host-kerberus_session} under https, see {@link Cookies#sessionName}). */
    public static final String SESSION_COOKIE = Cookies.SESSION;
    /** The header htmx and scripts send the CSRF token in. */
    public static final String CSRF_HEADER = "X-CSRF-Token";
    /** The form field forms send the CSRF token in. */
    public static final String CSRF_FIELD = "_csrf";

    private final Tokens tokens;
    private final SessionStore sessions;
    private final Cookies cookies;
    private final SessionUsers sessionUsers;

    public Credentials(Tokens tokens, SessionStore sessions, Cookies cookies, SessionUsers sessionUsers) {
        this.tokens = tokens;
        this.sessions = sessions;
        this.cookies = cookies;
        this.sessionUsers = sessionUsers;
    }

    /**
     * Who is calling.
     *
     * @param principal the caller, or null
     * @param session   the browser session when the credential was the cookie, or null
     */
    public record Caller(Principal principal, SessionStore.Session session) {

        static final Caller NOBODY = new Caller(null, null);

        String csrfToken() {
            return session == null ? "" : session.csrfToken();
        }
    }

    /** Reads the credential; throws {@link NotAuthenticatedException} for an invalid bearer token. */
    Caller identify(Context ctx) {
        String authorization = ctx.header("Authorization");
        if (authorization != null && !authorization.isBlank()) {
            if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                throw new NotAuthenticatedException("Unsupported Authorization header; send 'Authorization: Bearer <token>'");
            }
            Optional<Principal> principal = tokens.verify(authorization.substring(7).strip());
            return new Caller(principal.orElseThrow(() -> new NotAuthenticatedException(
                    "Invalid or expired token; sign in again or check the token")), null);
        }
        return cookies.session(ctx::cookie)
                .flatMap(cookie -> sessions.find(cookie).flatMap(session -> sessionUsers.revalidate(cookie, session)))
                .map(session -> new Caller(session.principal(), session))
                .orElse(Caller.NOBODY);
    }

    /**
     * Refuses a state-changing request that rides on the session cookie without the session's CSRF
     * token. Bearer-token requests need no CSRF token: browsers never add bearer tokens on their own.
     * With {@code formFieldAllowed} false only the header counts, so the body stays unread.
     */
    static void checkCsrf(Context ctx, Caller caller, boolean formFieldAllowed) {
        if (caller.session() == null) {
            return;
        }
        String given = ctx.header(CSRF_HEADER);
        if (given == null && formFieldAllowed && isForm(ctx)) {
            given = ctx.formParam(CSRF_FIELD);
        }
        if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                caller.session().csrfToken().getBytes(StandardCharsets.UTF_8))) {
            throw new NotAllowedException("This form or request has no valid CSRF token; reload the page and try again.");
        }
    }

    static boolean isForm(Context ctx) {
        String type = ctx.contentType();
        return type != null && (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data"));
    }
}
