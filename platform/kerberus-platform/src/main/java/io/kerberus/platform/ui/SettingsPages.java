package io.kerberus.platform.ui;

import io.kerberus.plugin.InputException;
import io.kerberus.plugin.Principal;
import io.kerberus.plugin.Request;
import io.kerberus.plugin.Response;
import io.kerberus.plugin.ui.Card;
import io.kerberus.plugin.ui.Forms;
import io.kerberus.plugin.ui.Html;
import io.kerberus.plugin.ui.KeyValueList;
import io.kerberus.plugin.ui.Pages;
import io.kerberus.plugin.ui.TagChips;
import io.kerberus.plugin.ui.View;

import java.nio.file.Files;

/** The home page, the user's settings (profile, theme, sign out everywhere) and the branding logo. */
public final class SettingsPages {

    private final ThemeStore themes;
    private final HomePage home;
    private final Branding branding;

    public SettingsPages(ThemeStore themes, io.kerberus.platform.http.RouteTable table, Branding branding) {
        this.themes = themes;
        this.home = new HomePage(table, branding);
        this.branding = branding;
    }

    public void mount(Pages root) {
        root.get("/", home::render);
        root.get("/settings", this::settings);
        root.post("/settings/theme", this::setTheme);
        root.get(Branding.LOGO_PATH, this::logo).unauthenticated();
    }

    /** The theme a user sees: their choice, else auto (follow the operating system). */
    public String themeOf(Principal user) {
        return themes.themeOf(user.subject()).orElse("auto");
    }

    private Object settings(Request request) {
        Principal user = request.requirePrincipal();
        String theme = themeOf(user);
        Html profile = KeyValueList.create()
                .with("Name", user.displayName())
                .with("Identity", user.subject())
                .with("Owns through", TagChips.of(user.ownershipRefs()))
                .html();
        Html themeForm = Html.format("""
                <form class="form" method="post" action="/settings/theme">{}<input type="hidden" name="returnTo" value="/settings">\
                <fieldset class="field"><legend>Theme</legend>{}{}{}</fieldset>\
                <div class="row"><button type="submit" class="button primary">Save</button></div></form>""",
                Forms.csrfField(request), radio("light", "Light", theme), radio("dark", "Dark", theme), radio("auto", "Match my system", theme));
        Html sessions = Html.format("""
                <p class="muted">Sign out on every browser and device where you are signed in.</p>\
                <form method="post" action="/auth/sign-out-everywhere">{}<button type="submit" class="button danger">Sign out everywhere</button></form>""",
                Forms.csrfField(request));
        return View.of("Settings", Html.format("<div class=\"grid\">{}{}{}</div>",
                Card.of("Profile", profile), Card.of("Appearance", themeForm), Card.of("Sessions", sessions)));
    }

    private static Html radio(String value, String label, String current) {
        return Html.format("<label class=\"radio\"><input type=\"radio\" name=\"theme\" value=\"{}\"{}> {}</label>",
                value, value.equals(current) ? Html.trusted(" checked") : Html.EMPTY, label);
    }

    private Object setTheme(Request request) {
        String theme = request.formParam("theme").orElseThrow(() -> new InputException("Choose a theme: light, dark or auto"));
        themes.setTheme(request.requirePrincipal().subject(), theme);
        String returnTo = request.formParam("returnTo").filter(p -> p.startsWith("/") && !p.startsWith("//")).orElse("/");
        return Response.redirect(returnTo);
    }

    private Object logo(Request request) throws Exception {
        if (branding.logoFile() == null) {
            return Response.redirect(Branding.DEFAULT_LOGO);
        }
        String type = Files.probeContentType(branding.logoFile());
        return Response.bytes(type == null ? "image/png" : type, Files.readAllBytes(branding.logoFile()))
                .header("Cache-Control", "public, max-age=3600");
    }
}
