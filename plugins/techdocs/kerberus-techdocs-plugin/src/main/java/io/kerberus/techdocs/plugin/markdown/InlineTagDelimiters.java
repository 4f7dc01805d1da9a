package io.kerberus.techdocs.plugin.markdown;

import com.vladsch.flexmark.parser.InlineParser;
import com.vladsch.flexmark.parser.core.delimiter.Delimiter;
import com.vladsch.flexmark.parser.delimiter.DelimiterProcessor;
import com.vladsch.flexmark.parser.delimiter.DelimiterRun;
import com.vladsch.flexmark.util.ast.Node;

/**
 * pymdownx.mark ({@code ==x==}) and pymdownx.caret ({@code ^^x^^} insert, {@code ^x^} superscript)
 * as flexmark delimiter processors.
 */
final class InlineTagDelimiters implements DelimiterProcessor {

    private final char delimiter;
    private final String doubleTag;
    private final String singleTag;

    private InlineTagDelimiters(char delimiter, String doubleTag, String singleTag) {
        this.delimiter = delimiter;
        this.doubleTag = doubleTag;
        this.singleTag = singleTag;
    }

    static InlineTagDelimiters mark() {
        return new InlineTagDelimiters('=', "mark", null);
    }

    static InlineTagDelimiters caret() {
        return new InlineTagDelimiters('^', "ins", "sup");
    }

    @Override
    public char getOpeningCharacter() {
        return delimiter;
    }

    @Override
    public char getClosingCharacter() {
        return delimiter;
    }

    @Override
    public int getMinLength() {
        return singleTag == null ? 2 : 1;
    }

    @Override
    public int getDelimiterUse(DelimiterRun opener, DelimiterRun closer) {
        if (opener.length() >= 2 && closer.length() >= 2) {
            return 2;
        }
        return singleTag != null ? 1 : 0;
    }

    @Override
    public void process(Delimiter opener, Delimiter closer, int delimitersUsed) {
        String tag = delimitersUsed == 2 ? doubleTag : singleTag;
        InlineTag node = new InlineTag(tag, opener.getTailChars(delimitersUsed), closer.getLeadChars(delimitersUsed));
        opener.moveNodesBetweenDelimitersTo(node, closer);
    }

    @Override
    public Node unmatchedDelimiterNode(InlineParser inlineParser, DelimiterRun delimiter) {
        return null;
    }

    @Override
    public boolean canBeOpener(String before, String after, boolean leftFlanking, boolean rightFlanking,
                               boolean beforeIsPunctuation, boolean afterIsPunctuation, boolean beforeIsWhitespace, boolean afterIsWhiteSpace) {
        return leftFlanking;
    }

    @Override
    public boolean canBeCloser(String before, String after, boolean leftFlanking, boolean rightFlanking,
                               boolean beforeIsPunctuation, boolean afterIsPunctuation, boolean beforeIsWhitespace, boolean afterIsWhiteSpace) {
        return rightFlanking;
    }

    @Override
    public boolean skipNonOpenerCloser() {
        return false;
    }
}
