package io.kerberus.platform.auth;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Builds {@code Set-Cookie} values (HttpOnly, SameSite=Lax, and Secure when the portal is served
 * over https) and names the session and sign-in flow cookies. Under https their names take the
 * {@code __Host-} prefix, so the browser keeps them only when they were set by this host over https
 * with {@code Path=/} and no {@code Domain}: a sibling subdomain cannot plant or overwrite them.
 */
public final class Cookies {

    /** The session cookie's name over http, and before the {@code __Host-} prefix was used. */
    public static final String SESSION = "kerberus_session";
    private static final String HOST_PREFIX = "__Host-";

    private final boolean secure;

    public Cookies(boolean secure) {
        this.secure = secure;
    }

    /** A cookie that lives for {@code maxAge}. */
    public String set(String name, String value, String path, Duration maxAge) {
        return name + "=" + value + "; Path=" + path + "; Max-Age=" + maxAge.toSeconds() + "; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : "");
    }

    /** A header that deletes the cookie. */
    public String clear(String name, String path) {
        return name + "=; Path=" + path + "; Max-Age=0; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : "");
    }

    /** The session cookie's name: {@code __Host-kerberus_session} under https, else {@code kerberus_session}. */
    public String sessionName() {
        return secure ? HOST_PREFIX + SESSION : SESSION;
    }

    /** The session cookie's {@code Set-Cookie} value. */
    public String setSession(String value, Duration maxAge) {
        return set(sessionName(), value, "/", maxAge);
    }

    /** The {@code Set-Cookie} values that delete the session cookie, the unprefixed one of older versions included. */
    public List<String> clearSession() {
        List<String> clear = new ArrayList<>();
        clear.add(clear(sessionName(), "/"));
        if (secure) {
            clear.add(clear(SESSION, "/"));
        }
        return clear;
    }

    /**
     * The session cookie's value, read with {@code read} (name to value or null); under https the
     * unprefixed cookie of sessions opened before the prefix is still accepted.
     */
    public Optional<String> session(Function<String, String> read) {
        String value = read.apply(sessionName());
        if ((value == null || value.isBlank()) && secure) {
            value = read.apply(SESSION);
        }
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }

    /** The sign-in flow cookie's name for a provider. */
    String flowName(String providerId) {
        String name = "kerberus_oauth_" + providerId.replace('-', '_');
        return secure ? HOST_PREFIX + name : name;
    }

    /** The flow cookie's path: the provider's routes, or {@code /} as the {@code __Host-} prefix requires. */
    String flowPath(String providerId) {
        return secure ? "/" : "/api/auth/" + providerId;
    }
}
