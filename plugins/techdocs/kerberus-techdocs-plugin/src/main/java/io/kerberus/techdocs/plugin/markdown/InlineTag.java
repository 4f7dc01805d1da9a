package io.kerberus.techdocs.plugin.markdown;

import com.vladsch.flexmark.util.ast.DelimitedNode;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/** Text between pymdownx delimiters, rendered as one HTML element: {@code ==x==} mark, {@code ^^x^^} ins, {@code ^x^} sup. */
final class InlineTag extends Node implements DelimitedNode {

    final String tag;
    private BasedSequence openingMarker;
    private BasedSequence text = BasedSequence.NULL;
    private BasedSequence closingMarker;

    InlineTag(String tag, BasedSequence openingMarker, BasedSequence closingMarker) {
        super(openingMarker.baseSubSequence(openingMarker.getStartOffset(), closingMarker.getEndOffset()));
        this.tag = tag;
        this.openingMarker = openingMarker;
        this.closingMarker = closingMarker;
    }

    @Override
    public BasedSequence[] getSegments() {
        return new BasedSequence[] {openingMarker, text, closingMarker};
    }

    @Override
    public BasedSequence getOpeningMarker() {
        return openingMarker;
    }

    @Override
    public void setOpeningMarker(BasedSequence openingMarker) {
        this.openingMarker = openingMarker;
    }

    @Override
    public BasedSequence getText() {
        return text;
    }

    @Override
    public void setText(BasedSequence text) {
        this.text = text;
    }

    @Override
    public BasedSequence getClosingMarker() {
        return closingMarker;
    }

    @Override
    public void setClosingMarker(BasedSequence closingMarker) {
        this.closingMarker = closingMarker;
    }
}
