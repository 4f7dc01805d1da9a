package io.kerberus.notifications.plugin;

import io.kerberus.notifications.Notification;
import io.kerberus.notifications.NotificationPayload;
import io.kerberus.notifications.NotificationRecipients;
import io.kerberus.notifications.NotificationService;
import io.kerberus.plugin.InputException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The {@link NotificationService}: checks the payload, resolves the recipients and stores one row per user or one broadcast. */
final class NotificationSender implements NotificationService {

    static final int MAX_TITLE = 1000;
    static final int MAX_DESCRIPTION = 10_000;
    static final int MAX_LINK = 2000;

    private final NotificationStore store;
    private final RecipientResolver resolver;

    NotificationSender(NotificationStore store, RecipientResolver resolver) {
        this.store = store;
        this.resolver = resolver;
    }

    @Override
    public List<Notification> send(String origin, NotificationRecipients recipients, NotificationPayload payload) {
        NotificationPayload checked = check(payload);
        if (recipients.type() == NotificationRecipients.Type.BROADCAST) {
            return List.of(store.save(Optional.empty(), origin, checked));
        }
        List<Notification> sent = new ArrayList<>();
        for (String user : resolver.users(recipients.entityRefs(), recipients.excludeEntityRefs())) {
            sent.add(store.save(Optional.of(user), origin, checked));
        }
        return sent;
    }

    /** The payload with its link normalised; an {@link InputException} naming the field when something is wrong. */
    static NotificationPayload check(NotificationPayload payload) {
        String title = payload.title().strip();
        if (title.isEmpty() || title.length() > MAX_TITLE) {
            throw new InputException("payload.title: must be 1 to " + MAX_TITLE + " characters");
        }
        if (payload.description().map(String::length).orElse(0) > MAX_DESCRIPTION) {
            throw new InputException("payload.description: must be at most " + MAX_DESCRIPTION + " characters");
        }
        NotificationPayload out = new NotificationPayload(title, payload.description(), payload.link(), payload.severity(),
                payload.topic(), payload.scope());
        return payload.link().isEmpty() ? out : out.withLink(link(payload.link().get()));
    }

    /**
     * An http(s) URL as it is, or a path of the portal made absolute ({@code catalog/x} becomes
     * {@code /catalog/x}, as Backstage resolves links against the app's base URL).
     */
    static String link(String link) {
        if (link.length() > MAX_LINK) {
            throw new InputException("payload.link: must be at most " + MAX_LINK + " characters");
        }
        try {
            URI uri = new URI(link);
            if (uri.getScheme() != null) {
                String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
                if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                    return link;
                }
                throw new InputException("payload.link: only http(s) URLs and paths of the portal are allowed, not " + scheme + ":");
            }
            if (link.startsWith("//")) {
                throw new InputException("payload.link: a link without a scheme must be a path of the portal, such as /catalog");
            }
            return link.startsWith("/") ? link : "/" + link;
        } catch (URISyntaxException e) {
            throw new InputException("payload.link: not a valid URL or path: " + e.getReason());
        }
    }
}
