package io.kerberus.example.plugin.announcements;

import io.kerberus.plugin.InputException;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Announcements in {@code example_announcements}. The SQL runs on H2 and PostgreSQL alike. */
public final class AnnouncementStore {

    /** Sortable columns and their SQL, so that a sort key from a URL never reaches the SQL as text. */
    static final Map<String, String> SORTS = Map.of("title", "LOWER(title)", "created", "created_at", "author", "author");

    private final Jdbi jdbi;
    private final Clock clock;

    public AnnouncementStore(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Checks and stores a new announcement. */
    public Announcement create(String title, String body, String author) {
        String cleanTitle = title == null ? "" : title.strip();
        String cleanBody = body == null ? "" : body.strip();
        if (cleanTitle.isEmpty() || cleanTitle.length() > 200) {
            throw new InputException("title: must be 1 to 200 characters");
        }
        if (cleanBody.isEmpty() || cleanBody.length() > 5000) {
            throw new InputException("body: must be 1 to 5000 characters");
        }
        long now = clock.millis();
        long id = jdbi.withHandle(handle -> handle.createUpdate(
                        "INSERT INTO example_announcements (title, body, author, created_at) VALUES (:title, :body, :author, :created)")
                .bind("title", cleanTitle).bind("body", cleanBody).bind("author", author).bind("created", now)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        return new Announcement(id, cleanTitle, cleanBody, author, now);
    }

    /**
     * One page of announcements.
     *
     * @param items      this page
     * @param totalItems how many match over all pages
     */
    public record Page(List<Announcement> items, long totalItems) {
    }

    /** Announcements whose title or body contains {@code query}, sorted by one of {@link #SORTS}. */
    public Page list(String query, String sort, boolean descending, int offset, int limit) {
        String order = SORTS.getOrDefault(sort, "created_at") + (descending ? " DESC" : " ASC") + ", id DESC";
        String filter = query == null || query.isBlank() ? "" : "WHERE title ILIKE :q OR body ILIKE :q";
        String pattern = query == null ? "" : "%" + query.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbi.withHandle(handle -> {
            var select = handle.createQuery("SELECT id, title, body, author, created_at FROM example_announcements "
                    + filter + " ORDER BY " + order + " LIMIT :limit OFFSET :offset");
            var count = handle.createQuery("SELECT COUNT(*) FROM example_announcements " + filter);
            if (!filter.isEmpty()) {
                select.bind("q", pattern);
                count.bind("q", pattern);
            }
            List<Announcement> items = select.bind("limit", limit).bind("offset", offset)
                    .map((rs, ctx) -> new Announcement(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5)))
                    .list();
            return new Page(items, count.mapTo(Long.class).one());
        });
    }

    public Optional<Announcement> find(long id) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT id, title, body, author, created_at FROM example_announcements WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> new Announcement(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5)))
                .findOne());
    }

    public void delete(long id) {
        jdbi.useHandle(handle -> handle.createUpdate("DELETE FROM example_announcements WHERE id = :id").bind("id", id).execute());
    }

    /** Deletes what is older than {@code age}; returns how many. */
    public int deleteOlderThan(Duration age) {
        return jdbi.withHandle(handle -> handle.createUpdate("DELETE FROM example_announcements WHERE created_at < :before")
                .bind("before", clock.millis() - age.toMillis()).execute());
    }
}
