package io.kerberus.test;

import io.kerberus.plugin.Plugin;
import io.kerberus.plugin.PluginContext;
import io.kerberus.plugin.ui.Html;
import org.junit.jupiter.api.Test;

import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Plugins may put pages under one more top-level path (/docs, /create), checked for clashes at start-up, and widgets in the header. */
class PagesUnderIT {

    /** A plugin whose init does what the test says. */
    record Probe(String id, Consumer<PluginContext> init) implements Plugin {
        @Override
        public void init(PluginContext context) {
            init.accept(context);
        }
    }

    @Test
    void servesPagesUnderAClaimedPrefix() {
        try (TestBackend backend = TestBackend.builder().plugins(new Probe("manuals",
                context -> context.pages().under("/handbook").get("{chapter}", request -> Html.format("<p class=\"chapter\">{}</p>",
                        request.pathParam("chapter"))))).start()) {
            TestHttp.Result page = backend.guestSession().get("/handbook/intro");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("<p class=\"chapter\">intro</p>");
        }
    }

    @Test
    void showsHeaderWidgetsToSignedInUsersOnly() {
        try (TestBackend backend = TestBackend.builder().plugins(new Probe("finder",
                context -> context.pages().header(Html.trusted("<form class=\"probe-search\" role=\"search\"></form>")))).start()) {
            assertThat(backend.guestSession().get("/").body()).contains("<div class=\"topbar-slot\"><form class=\"probe-search\" role=\"search\"></form></div>");
            assertThat(backend.http().get("/sign-in").body()).doesNotContain("probe-search");
        }
    }

    @Test
    void refusesAPrefixAnotherPluginOrThePlatformUses() {
        assertThatThrownBy(() -> TestBackend.builder().plugins(
                new Probe("alpha", context -> context.pages().under("/shared").get("", request -> Html.text("a"))),
                new Probe("beta", context -> context.pages().under("/shared").get("", request -> Html.text("b")))).start())
                .hasStackTraceContaining("both want pages under /shared");
        assertThatThrownBy(() -> TestBackend.builder().plugins(
                new Probe("alpha", context -> context.pages().under("/beta").get("", request -> Html.text("a"))),
                new Probe("beta", context -> context.pages().get("", request -> Html.text("b")))).start())
                .hasStackTraceContaining("/beta");
        for (String taken : new String[] {"/api", "/settings", "/static", "/Docs", "/docs/x", "docs"}) {
            assertThatThrownBy(() -> TestBackend.builder().plugins(new Probe("alpha", context -> context.pages().under(taken))).start())
                    .as(taken).hasStackTraceContaining("pages can go under a free top-level path");
        }
    }
}
