package io.kerberus.platform.ui;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.kerberus.platform.http.PageRenderer;
import io.kerberus.platform.http.RouteTable;
import io.kerberus.plugin.Principal;
import io.kerberus.plugin.ui.Breadcrumbs;
import io.kerberus.plugin.ui.Html;
import io.kerberus.plugin.ui.NavItem;
import io.kerberus.plugin.ui.View;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Function;
import java.util.zip.CRC32;

/**
 * Draws pages: the shell (header, sidebar from the plugins' nav items, user menu, theme) around a
 * view, or the bare layout for sign-in and errors without a session. Templates are precompiled JTE.
 */
public final class Shell implements PageRenderer {

    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(ContentType.Html);
    private static final Properties BUILD = load("/kerberus-platform.properties");
    private static final String ASSET_VERSION = assetVersion();
    private static final java.util.Map<String, String> ASSET_URLS = new java.util.concurrent.ConcurrentHashMap<>();

    private final Branding branding;
    private final RouteTable table;
    private final Function<Principal, String> themeOf;

    /**
     * @param branding the portal's look
     * @param table    where nav items come from
     * @param themeOf  the theme of a signed-in user
     */
    public Shell(Branding branding, RouteTable table, Function<Principal, String> themeOf) {
        this.branding = branding;
        this.table = table;
        this.themeOf = themeOf;
    }

    public Branding branding() {
        return branding;
    }

    /** The platform's version. */
    public static String version() {
        return BUILD.getProperty("version", "dev");
    }

    @Override
    public String render(PageRequest request, View view) {
        if (request.fragment()) {
            return view.body().toString();
        }
        return layout("platform/layout.jte", model(request, view.title(), new Breadcrumbs(view.breadcrumbs()).html(), view.body()));
    }

    @Override
    public String error(PageRequest request, int status, String title, String message) {
        Html body = Html.format("""
                <div class="error-page"><p class="error-code">{}</p><h1>{}</h1><p class="muted">{}</p>\
                <p class="row"><a class="button primary" href="/">Go home</a>{}</p></div>""",
                status, title, message,
                status == 401 ? Html.format("<a class=\"button\" href=\"/sign-in?returnTo={}\">Sign in</a>", request.path()) : Html.EMPTY);
        if (request.fragment()) {
            return body.toString();
        }
        String template = request.principal() == null ? "platform/bare.jte" : "platform/layout.jte";
        return layout(template, model(request, "", Html.EMPTY, body));
    }

    /** A page in the bare layout: sign-in and other pages without the shell. */
    public String bare(PageRequest request, String title, Html body) {
        return layout("platform/bare.jte", model(request, title, Html.EMPTY, body));
    }

    private ShellModel model(PageRequest request, String title, Html breadcrumbs, Html body) {
        Principal user = request.principal();
        String theme = user == null ? "auto" : themeOf.apply(user);
        List<ShellModel.NavLink> nav = new ArrayList<>();
        if (user != null) {
            for (NavItem item : table.nav()) {
                boolean active = item.path().equals("/") ? request.path().equals("/")
                        : request.path().equals(item.path()) || request.path().startsWith(item.path() + "/");
                nav.add(new ShellModel.NavLink(item.title(), item.path(), item.icon().id(), active));
            }
        }
        return new ShellModel(title, branding, theme, request.csrfToken(), user, nav, request.pathAndQuery(),
                breadcrumbs, body, user == null ? Html.EMPTY : Html.join(table.headerWidgets()), ASSET_VERSION, BUILD.getProperty("htmx.version"), versioned(table.stylesheets()), versioned(table.scripts()));
    }

    private static String layout(String template, ShellModel model) {
        StringOutput out = new StringOutput(8192);
        TEMPLATES.render(template, model, out);
        return out.toString();
    }

    private static Properties load(String resource) {
        Properties properties = new Properties();
        try (InputStream in = Shell.class.getResourceAsStream(resource)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /** Plugin asset URLs with a hash of their content, so that browsers fetch them again when they change. */
    private static List<String> versioned(List<String> paths) {
        return paths.stream().map(path -> ASSET_URLS.computeIfAbsent(path, Shell::versionedUrl)).toList();
    }

    private static String versionedUrl(String path) {
        if (!path.startsWith("/static/")) {
            return path; // webjar paths carry their version
        }
        try (InputStream in = Shell.class.getResourceAsStream(path)) {
            if (in == null) {
                return path; // checked when the plugin added it; cannot vanish from a jar
            }
            CRC32 crc = new CRC32();
            crc.update(in.readAllBytes());
            return path + "?v=" + Long.toHexString(crc.getValue());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String assetVersion() {
        CRC32 crc = new CRC32();
        for (String asset : List.of("/static/platform/kerberus.css", "/static/platform/kerberus.js", "/static/platform/icons.svg")) {
            try (InputStream in = Shell.class.getResourceAsStream(asset)) {
                if (in != null) {
                    crc.update(in.readAllBytes());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Long.toHexString(crc.getValue());
    }
}
