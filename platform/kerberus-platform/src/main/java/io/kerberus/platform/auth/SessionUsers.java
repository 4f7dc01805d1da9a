package io.kerberus.platform.auth;

import io.kerberus.plugin.AuditLog;
import io.kerberus.plugin.NotAuthenticatedException;
import io.kerberus.plugin.Principal;
import io.kerberus.plugin.auth.UserDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Keeps sessions in step with the user directory: a session whose user a provider found in the
 * catalog ends once the User entity is gone. {@code refresh} looks the user up every time; requests
 * on the session cookie look again when the last look-up is older than
 * {@code auth.session.revalidateAfter}, so most requests cost nothing. Guest sessions carry the
 * configured guest identity and are not looked up. Admins end a user's sessions with
 * {@link #revoke} ({@code POST /api/auth/sessions/revoke}, {@code kerberus auth sign-out}).
 */
public final class SessionUsers {

    private static final Logger LOG = LoggerFactory.getLogger(SessionUsers.class);
    /** The audit action of ended sessions. */
    public static final String ENDED = "auth.sessions-ended";

    private final SessionStore sessions;
    private final Supplier<Optional<UserDirectory>> directory;
    private final AuthSettings settings;
    private final AuditLog audit;

    public SessionUsers(SessionStore sessions, Supplier<Optional<UserDirectory>> directory, AuthSettings settings, AuditLog audit) {
        this.sessions = sessions;
        this.directory = directory;
        this.settings = settings;
        this.audit = audit;
    }

    /**
     * The session of a cookie request, with its user looked up again when that is due; empty when
     * the User entity is gone, in which case every session of that user has been ended.
     */
    public Optional<SessionStore.Session> revalidate(String cookie, SessionStore.Session session) {
        if (!fromDirectory(session) || sessions.now() - session.resolvedAt() < settings.revalidateAfter().toMillis()) {
            return Optional.of(session);
        }
        Optional<UserDirectory> users = directory.get();
        if (users.isEmpty()) {
            return Optional.of(session);
        }
        Optional<UserDirectory.User> user;
        try {
            user = users.get().findUser(session.principal().subject());
        } catch (RuntimeException e) {
            // a hiccup of the directory must not sign everybody out; the next request tries again
            LOG.warn("Cannot look up {} in the user directory to revalidate the session: {}", session.principal().subject(), e.toString());
            return Optional.of(session);
        }
        if (user.isEmpty()) {
            end(session.principal().subject(), null, "the User entity is no longer in the catalog");
            return Optional.empty();
        }
        Principal updated = Principal.user(session.principal().subject(), user.get().ownershipRefs(), user.get().displayName());
        sessions.update(cookie, updated);
        return Optional.of(new SessionStore.Session(updated, session.csrfToken(), session.expiresAt(), session.provider(), sessions.now()));
    }

    /**
     * The session's user as the directory has it now, for {@code refresh}.
     *
     * @throws NotAuthenticatedException when the User entity is gone; the user's sessions have then ended
     */
    public Principal refresh(String cookie, SessionStore.Session session) {
        Principal before = session.principal();
        if (!fromDirectory(session)) {
            return before;
        }
        Optional<UserDirectory> users = directory.get();
        if (users.isEmpty()) {
            return before;
        }
        Optional<UserDirectory.User> user = users.get().findUser(before.subject());
        if (user.isEmpty()) {
            end(before.subject(), null, "the User entity is no longer in the catalog");
            throw new NotAuthenticatedException(before.subject() + " is no longer in the catalog, so the session has ended; "
                    + "sign in again if you should still have access");
        }
        Principal updated = Principal.user(before.subject(), user.get().ownershipRefs(), user.get().displayName());
        sessions.update(cookie, updated);
        return updated;
    }

    /**
     * Ends every session of a user on every device, as an admin asked; their user tokens already
     * handed out stay valid until they expire ({@code auth.backstageTokenExpiration}).
     *
     * @param actor who asked, for the audit log ({@code null} for the command line)
     * @param via   how they asked, for the audit log ({@code api}, {@code command line})
     * @return how many sessions ended
     */
    public int revoke(String userEntityRef, String actor, String via) {
        return end(userEntityRef, actor, "revoked by an admin (" + via + ")");
    }

    private int end(String subject, String actor, String reason) {
        int ended = sessions.deleteAll(subject);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("sessions", ended);
        details.put("reason", reason);
        audit.record(actor, ENDED, subject, details);
        LOG.info("Ended {} session(s) of {}: {}", ended, subject, reason);
        return ended;
    }

    /** Whether a provider found the session's user in the directory; the guest's configured identity was not. */
    boolean fromDirectory(SessionStore.Session session) {
        if (session.provider().equals("guest")) {
            return false;
        }
        if (session.provider().isEmpty()) {
            // opened before sessions recorded their provider: the guest's identity is the one not to look up
            return settings.guest().map(guest -> !guest.userEntityRef().equalsIgnoreCase(session.principal().subject())).orElse(true);
        }
        return true;
    }
}
