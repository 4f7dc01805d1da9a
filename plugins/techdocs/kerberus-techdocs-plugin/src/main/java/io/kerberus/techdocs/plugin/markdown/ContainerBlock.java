package io.kerberus.techdocs.plugin.markdown;

import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/**
 * A block of indented Markdown under a marker line: an admonition ({@code !!! note "Title"}), a
 * collapsible one ({@code ??? note}, {@code ???+ note}) or a content tab ({@code === "Tab"}).
 */
final class ContainerBlock extends Block {

    enum Kind { ADMONITION, DETAILS, TAB }

    final Kind kind;
    /** The admonition's classes, such as {@code note} or {@code tip inline}; empty for tabs. */
    final String types;
    /** The title as written; null when none was given, empty for {@code ""}. */
    final String title;
    /** {@code ???+} (details shown open) or {@code ===+} (tab selected). */
    final boolean open;
    /** {@code ===!}: this tab starts a new set even right after another tab. */
    final boolean newSet;

    ContainerBlock(Kind kind, String types, String title, boolean open, boolean newSet) {
        this.kind = kind;
        this.types = types;
        this.title = title;
        this.open = open;
        this.newSet = newSet;
    }

    @Override
    public BasedSequence[] getSegments() {
        return EMPTY_SEGMENTS;
    }

    /** The type's title as Python-Markdown shows it when none is given: {@code note} → {@code Note}. */
    String defaultTitle() {
        String first = types.split(" ", 2)[0];
        return first.isEmpty() ? "" : Character.toUpperCase(first.charAt(0)) + first.substring(1);
    }
}
