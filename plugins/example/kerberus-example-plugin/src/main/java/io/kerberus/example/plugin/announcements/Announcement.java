package io.kerberus.example.plugin.announcements;

/**
 * One announcement.
 *
 * @param id        its id
 * @param title     a headline, at most 200 characters
 * @param body      the text, at most 5000 characters
 * @param author    who posted it, as an entity ref
 * @param createdAt when, epoch millis
 */
public record Announcement(long id, String title, String body, String author, long createdAt) {
}
