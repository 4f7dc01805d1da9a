package io.kerberus.platform.auth;

import java.time.Duration;

/** Builds {@code Set-Cookie} values: HttpOnly, SameSite=Lax, and Secure when the portal is served over https. */
public final class Cookies {

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
}
