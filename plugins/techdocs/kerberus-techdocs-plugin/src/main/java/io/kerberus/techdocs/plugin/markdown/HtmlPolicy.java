package io.kerberus.techdocs.plugin.markdown;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * What rendered pages may contain: the elements Markdown and its extensions produce and common
 * hand-written HTML, without scripts, styles, frames, forms, event handlers or inline styles.
 * Links may use http, https, mailto or be relative.
 */
final class HtmlPolicy {

    static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "em", "strong", "b", "i", "u", "s",
                    "del", "ins", "mark", "sub", "sup", "small", "code", "pre", "kbd", "samp", "var", "q", "cite",
                    "blockquote", "ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "th",
                    "td", "caption", "colgroup", "col", "a", "img", "div", "span", "details", "summary", "abbr",
                    "figure", "figcaption", "input", "label", "section", "article", "aside", "nav", "header",
                    "footer", "center", "time", "wbr")
            .allowWithoutAttributes("span", "a")
            .allowAttributes("id", "class", "title", "lang", "dir").globally()
            .allowAttributes("align").onElements("table", "thead", "tbody", "tfoot", "tr", "th", "td", "col", "p", "div", "img")
            .allowAttributes("colspan", "rowspan", "scope").onElements("th", "td")
            .allowAttributes("href").onElements("a")
            .allowAttributes("src", "alt", "width", "height", "loading").onElements("img")
            .allowAttributes("start", "reversed", "type").onElements("ol")
            .allowAttributes("open").onElements("details")
            .allowAttributes("for").onElements("label")
            .allowAttributes("type").matching(true, "checkbox", "radio").onElements("input")
            .allowAttributes("name", "checked", "disabled").onElements("input")
            .allowAttributes("data-tabs").onElements("div")
            .allowAttributes("datetime").onElements("time")
            .allowStandardUrlProtocols()
            .toFactory();

    private HtmlPolicy() {
    }

    static String sanitize(String html) {
        return POLICY.sanitize(html);
    }
}
