package io.kerberus.test;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser's signed-in session, driven over plain HTTP (get one with {@link TestBackend#guestSession()}): the session cookie a guest gets from the
 * sign-in form, and the session's CSRF token as the shell puts it in every page.
 *
 * @param backend   the backend signed in to
 * @param cookie    {@code kerberus_session=...}
 * @param csrfToken the token forms must echo in {@code _csrf}
 */
public record TestSession(TestBackend backend, String cookie, String csrfToken) {

    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\">");

    /** Signs in as guest the way the sign-in page does: its form token cookie, then the form post. */
    public static TestSession signInAsGuest(TestBackend backend) {
        TestHttp http = backend.http();
        String signInCookie = http.get("/sign-in").header("Set-Cookie").orElseThrow().split(";")[0];
        String formToken = signInCookie.substring(signInCookie.indexOf('=') + 1);
        TestHttp.Result signedIn = http.send(http.request("/auth/guest/sign-in")
                .header("Cookie", signInCookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + encode(formToken) + "&returnTo=/")).build());
        if (signedIn.status() != 303) {
            throw new IllegalStateException("Guest sign-in failed: " + signedIn.status() + " " + signedIn.body());
        }
        String cookie = signedIn.header("Set-Cookie").orElseThrow().split(";")[0];
        String home = http.send(http.request("/").header("Cookie", cookie).GET().build()).body();
        Matcher csrf = CSRF_META.matcher(home);
        if (!csrf.find()) {
            throw new IllegalStateException("The home page has no CSRF token: " + home);
        }
        return new TestSession(backend, cookie, csrf.group(1));
    }

    /** GETs a page with the session cookie. */
    public TestHttp.Result get(String path) {
        TestHttp http = backend.http();
        return http.send(http.request(path).header("Cookie", cookie).GET().build());
    }

    /** Posts a form with the session cookie and the session's CSRF token in {@code _csrf}. */
    public TestHttp.Result postForm(String path, Map<String, String> fields) {
        Map<String, String> withCsrf = new LinkedHashMap<>(fields);
        withCsrf.put("_csrf", csrfToken);
        return postFormWithoutCsrf(path, withCsrf);
    }

    /** Posts exactly {@code fields}, as a forged form on another site would. */
    public TestHttp.Result postFormWithoutCsrf(String path, Map<String, String> fields) {
        StringJoiner body = new StringJoiner("&");
        fields.forEach((name, value) -> body.add(encode(name) + "=" + encode(value)));
        TestHttp http = backend.http();
        return http.send(http.request(path)
                .header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
