package io.kerberus.techdocs.plugin.markdown;

import com.vladsch.flexmark.ext.abbreviation.AbbreviationExtension;
import com.vladsch.flexmark.ext.attributes.AttributesExtension;
import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.definition.DefinitionExtension;
import com.vladsch.flexmark.ext.emoji.EmojiExtension;
import com.vladsch.flexmark.ext.emoji.EmojiImageType;
import com.vladsch.flexmark.ext.emoji.EmojiShortcutType;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughSubscriptExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.misc.Extension;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the Markdown of a MkDocs page into safe HTML the way MkDocs with its configured
 * {@code markdown_extensions} would, with links rewritten to the built site's URLs.
 * Built once per site; {@link #render} may be called from many threads at once.
 */
public final class MarkdownRenderer {

    private final MarkdownFeatures features;
    private final Parser parser;
    private final HtmlRenderer renderer;

    /** @param extensions the {@code markdown_extensions} of mkdocs.yml */
    public MarkdownRenderer(List<MarkdownExtension> extensions) {
        this.features = MarkdownFeatures.from(extensions);
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, flexmarkExtensions(features));
        options.set(HtmlRenderer.GENERATE_HEADER_ID, false);
        options.set(HtmlRenderer.RENDER_HEADER_ID, false);
        options.set(HtmlRenderer.SOFT_BREAK, features.has("nl2br") ? "<br />\n" : "\n");
        options.set(TablesExtension.COLUMN_SPANS, false);
        options.set(TablesExtension.APPEND_MISSING_COLUMNS, true);
        options.set(TablesExtension.DISCARD_EXTRA_COLUMNS, true);
        options.set(TablesExtension.HEADER_SEPARATOR_COLUMN_MATCH, true);
        options.set(EmojiExtension.USE_IMAGE_TYPE, EmojiImageType.UNICODE_ONLY);
        options.set(EmojiExtension.USE_SHORTCUT_TYPE, EmojiShortcutType.ANY_GITHUB_PREFERRED);
        options.set(FootnoteExtension.FOOTNOTE_BACK_REF_STRING, "&#8617;");
        options.toImmutable();
        this.parser = Parser.builder(options).build();
        this.renderer = HtmlRenderer.builder(options).build();
    }

    private static List<Extension> flexmarkExtensions(MarkdownFeatures features) {
        List<Extension> list = new ArrayList<>();
        list.add(new MkdocsExtension(features));
        list.add(TablesExtension.create());
        if (features.has("pymdownx.magiclink")) {
            // bare URLs become links only with magiclink, as in MkDocs
            list.add(AutolinkExtension.create());
        }
        list.add(features.has("pymdownx.tilde") ? StrikethroughSubscriptExtension.create() : StrikethroughExtension.create());
        if (features.has("attr_list")) {
            list.add(AttributesExtension.create());
        }
        if (features.has("footnotes")) {
            list.add(FootnoteExtension.create());
        }
        if (features.has("def_list")) {
            list.add(DefinitionExtension.create());
        }
        if (features.has("abbr")) {
            list.add(AbbreviationExtension.create());
        }
        if (features.has("pymdownx.tasklist")) {
            list.add(TaskListExtension.create());
        }
        if (features.has("pymdownx.emoji")) {
            list.add(EmojiExtension.create());
        }
        return list;
    }

    /** The extensions Backstage's {@code techdocs-core} MkDocs plugin turns on, as far as this renderer supports them. */
    public static List<MarkdownExtension> techdocsCore() {
        return List.of(
                new MarkdownExtension("toc", Map.of("permalink", true)),
                MarkdownExtension.of("admonition"),
                MarkdownExtension.of("pymdownx.details"),
                new MarkdownExtension("pymdownx.tabbed", Map.of("alternate_style", true)),
                MarkdownExtension.of("pymdownx.caret"),
                MarkdownExtension.of("pymdownx.emoji"),
                MarkdownExtension.of("pymdownx.inlinehilite"),
                MarkdownExtension.of("pymdownx.magiclink"),
                MarkdownExtension.of("pymdownx.mark"),
                new MarkdownExtension("pymdownx.highlight", Map.of("linenums", true, "pygments_lang_class", true)),
                MarkdownExtension.of("pymdownx.extra"),
                MarkdownExtension.of("pymdownx.tasklist"),
                MarkdownExtension.of("pymdownx.tilde"),
                MarkdownExtension.of("mdx_truly_sane_lists"));
    }

    /** The configured extensions this renderer does not support, as written in mkdocs.yml. */
    public List<String> unsupported() {
        return List.copyOf(features.unsupported);
    }

    /** Renders one page; never throws: what cannot be rendered as written becomes a warning. */
    public RenderedPage render(String markdown, PageContext context) {
        String source = markdown == null ? "" : markdown;
        try {
            return renderPage(source, context);
        } catch (RuntimeException | StackOverflowError e) {
            String html = "<pre>" + escape(source) + "</pre>";
            Warning warning = new Warning(context.sourcePath(), 0, "could not be rendered (" + e + "); shown as plain text");
            String text = PageOutline.normalise(source);
            return new RenderedPage(null, html, List.of(), text, List.of(new Section("", "", text)), List.of(warning), Set.of(), Map.of());
        }
    }

    /**
     * Cleans HTML with the same policy as rendered pages: for content read back from a publisher,
     * which may have been built elsewhere.
     */
    public static String sanitize(String html) {
        return html == null ? "" : HtmlPolicy.sanitize(html);
    }

    private RenderedPage renderPage(String markdown, PageContext context) {
        FrontMatter front = FrontMatter.read(markdown, context.sourcePath());
        Document document = parser.parse(front.body());
        PageState state = new PageState(context);
        state.warnings.addAll(front.warnings());
        state.attachTo(document);
        PageOutline outline = PageOutline.of(document, state, features.separator, features.tocMin, features.tocMax);
        String html = HtmlPolicy.sanitize(renderer.render(document));
        Object metaTitle = front.meta().get("title");
        String title = metaTitle != null ? String.valueOf(metaTitle) : outline.firstH1;
        return new RenderedPage(title, html, List.copyOf(outline.toc), outline.text(), List.copyOf(outline.sections),
                List.copyOf(state.warnings), Set.copyOf(state.assets), java.util.Collections.unmodifiableMap(front.meta()));
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
