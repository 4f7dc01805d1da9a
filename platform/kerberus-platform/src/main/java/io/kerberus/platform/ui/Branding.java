package io.kerberus.platform.ui;

import io.kerberus.plugin.Config;
import io.kerberus.plugin.ui.Html;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The portal's look from {@code app.title} and {@code app.branding}: title, logo, primary colour
 * and font, turned into CSS variables.
 *
 * @param title        the portal's name
 * @param logoUrl      where the browser loads the logo from
 * @param logoFile     a local logo file served at {@link #LOGO_PATH}, or null
 * @param primaryColor a hex colour
 * @param fontFamily   a CSS font-family list, or null for the default
 */
public record Branding(String title, String logoUrl, Path logoFile, String primaryColor, String fontFamily) {

    /** Where a logo from a local file is served. */
    public static final String LOGO_PATH = "/branding/logo";
    static final String DEFAULT_LOGO = "/static/platform/logo.svg";
    static final String DEFAULT_PRIMARY = "#4f46e5";

    /** Reads {@code app.title} and {@code app.branding}. */
    public static Branding from(Config app) {
        String title = app.getString("title", "Kerberus");
        Optional<Config> branding = app.getOptionalConfig("branding");
        if (branding.isEmpty()) {
            return new Branding(title, DEFAULT_LOGO, null, DEFAULT_PRIMARY, null);
        }
        Config config = branding.get();
        title = config.getString("title", title);
        String primary = config.getOptionalString("primaryColor").map(String::strip).orElse(DEFAULT_PRIMARY);
        if (!primary.matches("#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})")) {
            throw config.error("primaryColor", "expected a hex colour such as #4f46e5 but found \"" + primary + "\"");
        }
        String font = config.getOptionalString("fontFamily").orElse(null);
        if (font != null && !font.matches("[A-Za-z0-9 ,'\"-]+")) {
            throw config.error("fontFamily", "expected a CSS font-family list such as \"Inter, system-ui, sans-serif\"");
        }
        String logo = config.getOptionalString("logo").map(String::strip).orElse(null);
        if (logo == null) {
            return new Branding(title, DEFAULT_LOGO, null, primary, font);
        }
        String lower = logo.toLowerCase(Locale.ROOT);
        if (lower.startsWith("https://") || lower.startsWith("http://") || (logo.startsWith("/") && !Files.isRegularFile(Path.of(logo)))) {
            return new Branding(title, logo, null, primary, font);
        }
        if (lower.matches("data:image/(png|jpeg|gif|webp|svg\\+xml);base64,[a-z0-9+/=]+")) {
            return new Branding(title, logo, null, primary, font);
        }
        Path file = Path.of(logo).toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw config.error("logo", "expected a URL, a data:image URL or a readable image file, but " + file + " does not exist");
        }
        return new Branding(title, LOGO_PATH, file, primary, font);
    }

    /** The {@code <style>} element with the branding's CSS variables. */
    public Html styleTag() {
        String contrast = prefersDarkText(primaryColor) ? "#111827" : "#ffffff";
        String font = fontFamily == null ? "" : "--font-family:" + fontFamily + ";";
        // <style> is raw text (entities are not decoded there), so the values were validated in from()
        return Html.trusted("<style>:root{--brand-primary:" + primaryColor + ";--brand-primary-contrast:" + contrast + ";" + font + "}</style>");
    }

    private static boolean prefersDarkText(String hex) {
        String digits = hex.substring(1);
        if (digits.length() == 3) {
            digits = "" + digits.charAt(0) + digits.charAt(0) + digits.charAt(1) + digits.charAt(1) + digits.charAt(2) + digits.charAt(2);
        }
        int rgb = Integer.parseInt(digits, 16);
        double luminance = 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
        return luminance > 0.45;
    }

    private static double channel(int value) {
        double c = (value & 0xff) / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
