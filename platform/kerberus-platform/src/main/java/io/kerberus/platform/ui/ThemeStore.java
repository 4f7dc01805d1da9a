package io.kerberus.platform.ui;

import org.jdbi.v3.core.Jdbi;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Each user's theme (light, dark or auto) in {@code platform_user_settings}, cached per replica. */
public final class ThemeStore {

    static final Set<String> THEMES = Set.of("light", "dark", "auto");
    private static final long CACHE_MILLIS = 30_000;

    private final Jdbi jdbi;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(String theme, long at) {
    }

    public ThemeStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The user's theme, or empty when they never chose one. */
    public Optional<String> themeOf(String subject) {
        long now = System.currentTimeMillis();
        Cached cached = cache.get(subject);
        if (cached != null && now - cached.at() < CACHE_MILLIS) {
            return Optional.ofNullable(cached.theme());
        }
        Optional<String> theme = jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT setting_value FROM platform_user_settings WHERE subject = :subject AND setting_name = 'theme'")
                .bind("subject", subject).mapTo(String.class).findOne());
        if (cache.size() > 10_000) {
            cache.clear();
        }
        cache.put(subject, new Cached(theme.orElse(null), now));
        return theme;
    }

    public void setTheme(String subject, String theme) {
        if (!THEMES.contains(theme)) {
            throw new io.kerberus.plugin.InputException("Unknown theme '" + theme + "'; choose light, dark or auto");
        }
        jdbi.useHandle(handle -> handle.createUpdate("""
                        MERGE INTO platform_user_settings t
                        USING (VALUES (CAST(:subject AS VARCHAR(400)), CAST('theme' AS VARCHAR(100)), CAST(:value AS TEXT))) AS s (subject, setting_name, setting_value)
                        ON t.subject = s.subject AND t.setting_name = s.setting_name
                        WHEN MATCHED THEN UPDATE SET setting_value = s.setting_value
                        WHEN NOT MATCHED THEN INSERT (subject, setting_name, setting_value) VALUES (s.subject, s.setting_name, s.setting_value)""")
                .bind("subject", subject).bind("value", theme).execute());
        cache.put(subject, new Cached(theme, System.currentTimeMillis()));
    }
}
