package io.kerberus.scaffolder.plugin.ui;

import io.kerberus.catalog.EntityRef;
import io.kerberus.plugin.ui.Card;
import io.kerberus.plugin.ui.Html;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A completed run's {@code output}: Backstage's {@code links} ({@code url} or {@code entityRef}) and {@code text} blocks. */
final class TaskResult {

    private TaskResult() {
    }

    static Html html(JsonNode output) {
        if (output == null || !output.isObject()) {
            return Html.trusted("<p class=\"notice success\" role=\"status\">The run completed.</p>");
        }
        List<Html> links = new ArrayList<>();
        boolean primary = true;
        for (JsonNode link : output.path("links")) {
            String href = href(link);
            if (href == null) {
                continue;
            }
            String title = link.path("title").asString("");
            if (Html.safeUrl(href).equals("#")) {
                // file:// and other addresses a browser may not open from a page: shown to copy instead
                links.add(Html.format("<li class=\"task-link-text\">{}: <code>{}</code></li>", title.isBlank() ? "Link" : title, href));
                continue;
            }
            links.add(Html.format("<li><a class=\"button{}\" href=\"{}\">{}</a></li>", primary ? " primary" : "",
                    href, title.isBlank() ? href : title));
            primary = false;
        }
        List<Html> texts = new ArrayList<>();
        for (JsonNode text : output.path("text")) {
            String content = text.path("content").isString() ? text.path("content").asString() : text.path("content").toString();
            texts.add(Html.format("<section class=\"task-text\"><h3>{}</h3><pre class=\"task-text-content\">{}</pre></section>",
                    text.path("title").asString("Output"), content));
        }
        Html body = Html.format("<p class=\"notice success\" role=\"status\">The run completed.</p>{}{}",
                links.isEmpty() ? Html.EMPTY : Html.format("<ul class=\"row task-links\" aria-label=\"Results\">{}</ul>", Html.join(links)),
                Html.join(texts));
        return Card.of("Result", body).html();
    }

    /** A link's target: its URL, or the catalog page of its {@code entityRef}; null when it has neither. */
    static String href(JsonNode link) {
        String url = link.path("url").asString("");
        if (!url.isBlank()) {
            return url;
        }
        String ref = link.path("entityRef").asString("");
        if (ref.isBlank()) {
            return null;
        }
        try {
            EntityRef parsed = EntityRef.parse(ref);
            return "/catalog/" + encode(parsed.namespace()) + "/" + encode(parsed.kind().toLowerCase(Locale.ROOT)) + "/" + encode(parsed.name());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
