package io.kerberus.techdocs.plugin.markdown;

import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.NullableDataKey;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What one page's rendering collects; kept in the page's flexmark {@link Document} so renderers and link resolvers of that render find it. */
final class PageState {

    private static final NullableDataKey<PageState> KEY = new NullableDataKey<>("kerberus.techdocs.page");

    final PageContext context;
    final List<Warning> warnings = new ArrayList<>();
    final Set<String> assets = new LinkedHashSet<>();
    final Map<Node, String> headingIds = new IdentityHashMap<>();
    int tabSets;

    PageState(PageContext context) {
        this.context = context;
    }

    static PageState of(Document document) {
        return KEY.get(document);
    }

    void attachTo(Document document) {
        document.set(KEY, this);
    }

    void warn(Node node, String message) {
        warnings.add(new Warning(context.sourcePath(), node == null ? 0 : node.getStartLineNumber() + 1, message));
    }
}
