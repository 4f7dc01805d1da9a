package io.kerberus.techdocs.plugin.markdown;

import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.HtmlInlineComment;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.abbreviation.Abbreviation;
import com.vladsch.flexmark.ext.abbreviation.AbbreviationBlock;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableSeparator;
import com.vladsch.flexmark.ext.attributes.AttributeNode;
import com.vladsch.flexmark.ext.attributes.AttributesNode;
import com.vladsch.flexmark.ext.emoji.Emoji;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One walk over a parsed page: heading ids (kept in the {@link PageState} for the renderer), the
 * table of contents, the first level-1 heading, the plain text and the search sections, and the
 * client-side assets the page needs.
 */
final class PageOutline {

    private final PageState state;
    private final String separator;
    private final int tocMin;
    private final int tocMax;
    private final Set<String> usedIds = new HashSet<>();
    final List<Heading> toc = new ArrayList<>();
    final List<Section> sections = new ArrayList<>();
    /** The page's text, normalised piece by piece: the sections' bodies and the headings between them. */
    private final List<String> textParts = new ArrayList<>();
    private StringBuilder sectionText = new StringBuilder();
    private String sectionId = "";
    private String sectionTitle = "";
    String firstH1;

    private PageOutline(PageState state, String separator, int tocMin, int tocMax) {
        this.state = state;
        this.separator = separator;
        this.tocMin = tocMin;
        this.tocMax = tocMax;
    }

    static PageOutline of(Document document, PageState state, String separator, int tocMin, int tocMax) {
        PageOutline outline = new PageOutline(state, separator, tocMin, tocMax);
        outline.explicitIds(document);
        outline.walk(document);
        outline.endSection();
        return outline;
    }

    String text() {
        // joining normalised pieces with one space gives what normalising the whole would, without a second copy of the page
        return String.join(" ", textParts);
    }

    /** Ids given with {@code {#id}} are taken first, so generated ones never clash with them. */
    private void explicitIds(Node node) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof com.vladsch.flexmark.ast.Heading heading) {
                String id = explicitId(heading);
                if (id != null) {
                    usedIds.add(id);
                }
            } else if (child instanceof Block) {
                explicitIds(child);
            }
        }
    }

    private static String explicitId(com.vladsch.flexmark.ast.Heading heading) {
        String id = null;
        for (Node child = heading.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof AttributesNode attributes) {
                for (Node a = attributes.getFirstChild(); a != null; a = a.getNext()) {
                    if (a instanceof AttributeNode attribute && attribute.isId()) {
                        id = attribute.getValue().toString();
                    }
                }
            }
        }
        return id;
    }

    private void walk(Node node) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            visit(child);
        }
    }

    private void visit(Node node) {
        switch (node) {
            case com.vladsch.flexmark.ast.Heading heading -> heading(heading);
            case Text t -> append(t.getChars().unescape());
            case Code code -> append(code.getText().toString());
            case HtmlEntity entity -> append(entity.getChars().unescape());
            case SoftLineBreak ignored -> append(" ");
            case HardLineBreak ignored -> append(" ");
            case FencedCodeBlock fence -> {
                boolean mermaid = FenceInfo.parse(fence.getInfo().toString()).language().equalsIgnoreCase("mermaid");
                state.assets.add(mermaid ? "mermaid" : "highlight");
                blockText(fence.getContentChars().toString());
            }
            case IndentedCodeBlock code -> {
                state.assets.add("highlight");
                blockText(code.getContentChars().toString());
            }
            case ContainerBlock container -> {
                String title = container.kind == ContainerBlock.Kind.TAB ? container.title
                        : container.title == null ? container.defaultTitle() : container.title;
                blockText(title);
                walk(container);
                append(" ");
            }
            case HtmlBlock ignored -> append(" ");
            case HtmlCommentBlock ignored -> { }
            case HtmlInline ignored -> { }
            case HtmlInlineComment ignored -> { }
            case Image ignored -> { }
            case ImageRef ignored -> { }
            case Reference ignored -> { }
            case AbbreviationBlock ignored -> { }
            case AttributesNode ignored -> { }
            case Emoji emoji -> append(emoji.getChars().toString());
            case Abbreviation abbreviation -> append(abbreviation.getChars().toString());
            case TableSeparator ignored -> { }
            case TableCell cell -> {
                walk(cell);
                append(" ");
            }
            default -> {
                walk(node);
                if (node instanceof Block) {
                    append(" ");
                }
            }
        }
    }

    private void heading(com.vladsch.flexmark.ast.Heading heading) {
        StringBuilder title = new StringBuilder();
        collect(heading, title);
        String plain = normalise(title);
        String explicit = explicitId(heading);
        String id = explicit != null ? explicit : HeadingIds.unique(HeadingIds.slugify(plain, separator), usedIds);
        state.headingIds.put(heading, id);
        if (heading.getLevel() == 1 && firstH1 == null) {
            firstH1 = plain;
        }
        if (heading.getLevel() >= tocMin && heading.getLevel() <= tocMax) {
            toc.add(new Heading(heading.getLevel(), id, plain));
        }
        endSection();
        sectionId = id;
        sectionTitle = plain;
        if (!plain.isEmpty()) {
            textParts.add(plain);
        }
    }

    private static void collect(Node node, StringBuilder out) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            switch (child) {
                case Text t -> out.append(t.getChars().unescape());
                case Code code -> out.append(code.getText());
                case HtmlEntity entity -> out.append(entity.getChars().unescape());
                case SoftLineBreak ignored -> out.append(' ');
                case AttributesNode ignored -> { }
                case HtmlInline ignored -> { }
                case Image ignored -> { }
                default -> collect(child, out);
            }
        }
    }

    private void blockText(String s) {
        append(" ");
        append(s);
        append(" ");
    }

    private void append(CharSequence s) {
        sectionText.append(s);
    }

    private void endSection() {
        String body = normalise(sectionText);
        if (!body.isEmpty()) {
            textParts.add(body);
        }
        if (!sectionId.isEmpty() || !body.isEmpty()) {
            sections.add(new Section(sectionId, sectionTitle, body));
        }
        sectionText = new StringBuilder();
    }

    static String normalise(CharSequence s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00a0') {
                space = !out.isEmpty();
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }
}
