package io.kerberus.platform.auth;

import io.kerberus.plugin.Principal;
import org.jdbi.v3.core.Jdbi;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Browser sessions in {@code platform_sessions}. The cookie holds 32 random bytes; the table holds
 * their SHA-256, so a leaked table opens no session. Lookups are cached for a few seconds per
 * replica; a sign-out on another replica takes effect within that time.
 */
public final class SessionStore {

    private static final Duration CACHE_FOR = Duration.ofSeconds(5);
    private static final int CACHE_LIMIT = 10_000;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final JsonMapper JSON = JsonMapper.shared();

    private final Jdbi jdbi;
    private final Clock clock;
    private final Duration duration;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    /**
     * A live session.
     *
     * @param principal  the signed-in user
     * @param csrfToken  the token forms and htmx requests must echo
     * @param expiresAt  when it ends, epoch millis
     * @param provider   the provider that opened it ({@code guest}, {@code oidc} …); empty for sessions
     *                   opened before Kerberus recorded it
     * @param resolvedAt when the user was last looked up in the user directory, epoch millis
     */
    public record Session(Principal principal, String csrfToken, long expiresAt, String provider, long resolvedAt) {
    }

    /**
     * A new session.
     *
     * @param cookieValue the secret for the cookie
     * @param session     the session
     */
    public record Created(String cookieValue, Session session) {
    }

    private record Cached(Optional<Session> session, long at) {
    }

    public SessionStore(Jdbi jdbi, Clock clock, Duration duration) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.duration = duration;
    }

    public Duration duration() {
        return duration;
    }

    /** Opens a session for a user that {@code provider} signed in. */
    public Created create(Principal user, String provider) {
        String cookie = randomToken();
        String csrf = randomToken();
        long now = clock.millis();
        Session session = new Session(user, csrf, now + duration.toMillis(), provider, now);
        jdbi.useHandle(handle -> handle.createUpdate("""
                        INSERT INTO platform_sessions (id_hash, subject, ownership, display_name, csrf_token, created_at, expires_at,
                                                       provider, resolved_at)
                        VALUES (:id, :subject, :ownership, :name, :csrf, :created, :expires, :provider, :created)""")
                .bind("id", hash(cookie)).bind("subject", user.subject())
                .bind("ownership", JSON.writeValueAsString(user.ownershipRefs())).bind("name", user.displayName())
                .bind("csrf", csrf).bind("created", now).bind("expires", session.expiresAt()).bind("provider", provider).execute());
        return new Created(cookie, session);
    }

    /** The live session of a cookie value. */
    public Optional<Session> find(String cookieValue) {
        String id = hash(cookieValue);
        long now = clock.millis();
        Cached cached = cache.get(id);
        if (cached != null && now - cached.at() < CACHE_FOR.toMillis()) {
            return cached.session().filter(s -> s.expiresAt() > now);
        }
        Optional<Session> session = jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT subject, ownership, display_name, csrf_token, expires_at, provider, resolved_at, created_at
                        FROM platform_sessions WHERE id_hash = :id AND expires_at > :now""")
                .bind("id", id).bind("now", now)
                .map((rs, ctx) -> {
                    long resolvedAt = rs.getLong(7);
                    if (rs.wasNull()) {
                        resolvedAt = rs.getLong(8);
                    }
                    String provider = rs.getString(6);
                    return new Session(Principal.user(rs.getString(1), JSON.readValue(rs.getString(2), new TypeReference<List<String>>() {
                    }), rs.getString(3)), rs.getString(4), rs.getLong(5), provider == null ? "" : provider, resolvedAt);
                })
                .findOne());
        if (cache.size() > CACHE_LIMIT) {
            cache.clear();
        }
        cache.put(id, new Cached(session, now));
        return session;
    }

    /**
     * Replaces the ownership refs and display name of a session's user, as the user directory just
     * found them, and records that they were looked up now.
     */
    public void update(String cookieValue, Principal user) {
        String id = hash(cookieValue);
        cache.remove(id);
        jdbi.useHandle(handle -> handle.createUpdate("""
                        UPDATE platform_sessions SET ownership = :ownership, display_name = :name, resolved_at = :now
                        WHERE id_hash = :id AND subject = :subject""")
                .bind("ownership", JSON.writeValueAsString(user.ownershipRefs())).bind("name", user.displayName())
                .bind("now", clock.millis()).bind("id", id).bind("subject", user.subject()).execute());
    }

    /** The current time of this store's clock, epoch millis. */
    long now() {
        return clock.millis();
    }

    /** Ends one session. */
    public void delete(String cookieValue) {
        String id = hash(cookieValue);
        cache.remove(id);
        jdbi.useHandle(handle -> handle.createUpdate("DELETE FROM platform_sessions WHERE id_hash = :id").bind("id", id).execute());
    }

    /** Ends every session of a user, on every device. */
    public int deleteAll(String subject) {
        cache.clear();
        return jdbi.withHandle(handle -> handle.createUpdate("DELETE FROM platform_sessions WHERE LOWER(subject) = LOWER(:subject)")
                .bind("subject", subject).execute());
    }

    /** Deletes expired sessions; run by a scheduled task. */
    public int deleteExpired() {
        return jdbi.withHandle(handle -> handle.createUpdate("DELETE FROM platform_sessions WHERE expires_at <= :now")
                .bind("now", clock.millis()).execute());
    }

    static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
