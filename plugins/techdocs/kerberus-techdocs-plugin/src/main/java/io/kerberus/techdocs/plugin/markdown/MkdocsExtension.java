package io.kerberus.techdocs.plugin.markdown;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataHolder;

/** Registers the renderer's own flexmark parts, per the configured extensions. */
final class MkdocsExtension implements Parser.ParserExtension, HtmlRenderer.HtmlRendererExtension {

    private final MarkdownFeatures features;

    MkdocsExtension(MarkdownFeatures features) {
        this.features = features;
    }

    @Override
    public void parserOptions(MutableDataHolder options) {
    }

    @Override
    public void extend(Parser.Builder builder) {
        boolean admonitions = features.has("admonition");
        boolean details = features.has("pymdownx.details");
        boolean tabs = features.has("pymdownx.tabbed");
        if (admonitions || details || tabs) {
            builder.customBlockParserFactory(new ContainerBlockParser.Factory(admonitions, details, tabs));
        }
        if (features.has("pymdownx.mark")) {
            builder.customDelimiterProcessor(InlineTagDelimiters.mark());
        }
        if (features.has("pymdownx.caret")) {
            builder.customDelimiterProcessor(InlineTagDelimiters.caret());
        }
    }

    @Override
    public void rendererOptions(MutableDataHolder options) {
    }

    @Override
    public void extend(HtmlRenderer.Builder builder, String rendererType) {
        builder.nodeRendererFactory(options -> new MkdocsNodeRenderer(features.permalink, features.permalinkTitle));
        builder.linkResolverFactory(SiteLinks.FACTORY);
    }
}
