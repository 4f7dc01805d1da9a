package io.kerberus.techdocs.plugin.markdown;

import com.vladsch.flexmark.parser.block.AbstractBlockParser;
import com.vladsch.flexmark.parser.block.AbstractBlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockContinue;
import com.vladsch.flexmark.parser.block.BlockParser;
import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.parser.block.MatchedBlockParser;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.data.DataHolder;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses {@link ContainerBlock}s: a marker line, then content indented by four spaces. */
final class ContainerBlockParser extends AbstractBlockParser {

    private static final int CONTENT_INDENT = 4;
    private static final Pattern ADMONITION = Pattern.compile("(!!!|\\?\\?\\?\\+?)[ \\t]+([\\w-]+(?:[ \\t]+[\\w-]+)*)(?:[ \\t]+\"(.*)\")?[ \\t]*");
    private static final Pattern TAB = Pattern.compile("(===[!+]{0,2})[ \\t]+\"(.*)\"[ \\t]*");

    private final ContainerBlock block;

    private ContainerBlockParser(ContainerBlock block) {
        this.block = block;
    }

    @Override
    public Block getBlock() {
        return block;
    }

    @Override
    public boolean isContainer() {
        return true;
    }

    @Override
    public boolean canContain(ParserState state, BlockParser blockParser, Block block) {
        return true;
    }

    @Override
    public BlockContinue tryContinue(ParserState state) {
        if (state.isBlank()) {
            return BlockContinue.atIndex(state.getNextNonSpaceIndex());
        }
        if (state.getIndent() >= CONTENT_INDENT) {
            return BlockContinue.atColumn(state.getColumn() + CONTENT_INDENT);
        }
        return BlockContinue.none();
    }

    @Override
    public void closeBlock(ParserState state) {
        block.setCharsFromContent();
    }

    /** Starts a block at a line whose first non-space characters are {@code !!!}, {@code ???} or {@code ===}. */
    static ContainerBlock match(CharSequence rest, boolean admonitions, boolean details, boolean tabs) {
        if (rest.length() < 4) {
            return null;
        }
        char c = rest.charAt(0);
        if (c == '=' && tabs && rest.charAt(1) == '=' && rest.charAt(2) == '=') {
            Matcher m = TAB.matcher(rest);
            if (m.matches()) {
                String marker = m.group(1);
                return new ContainerBlock(ContainerBlock.Kind.TAB, "", m.group(2), marker.contains("+"), marker.contains("!"));
            }
        } else if ((c == '!' && admonitions || c == '?' && details) && rest.charAt(1) == c && rest.charAt(2) == c) {
            Matcher m = ADMONITION.matcher(rest);
            if (m.matches()) {
                String marker = m.group(1);
                ContainerBlock.Kind kind = c == '!' ? ContainerBlock.Kind.ADMONITION : ContainerBlock.Kind.DETAILS;
                return new ContainerBlock(kind, m.group(2).trim().replaceAll("\\s+", " "), m.group(3), marker.endsWith("+"), false);
            }
        }
        return null;
    }

    static final class Factory implements CustomBlockParserFactory {
        private final boolean admonitions;
        private final boolean details;
        private final boolean tabs;

        Factory(boolean admonitions, boolean details, boolean tabs) {
            this.admonitions = admonitions;
            this.details = details;
            this.tabs = tabs;
        }

        @Override
        public BlockParserFactory apply(DataHolder options) {
            return new AbstractBlockParserFactory(options) {
                @Override
                public BlockStart tryStart(ParserState state, MatchedBlockParser matched) {
                    if (state.getIndent() >= CONTENT_INDENT) {
                        return BlockStart.none();
                    }
                    CharSequence line = state.getLine();
                    int start = state.getNextNonSpaceIndex();
                    ContainerBlock block = match(line.subSequence(start, trimEnd(line)), admonitions, details, tabs);
                    return block == null ? BlockStart.none() : BlockStart.of(new ContainerBlockParser(block)).atIndex(line.length());
                }
            };
        }

        private static int trimEnd(CharSequence line) {
            int end = line.length();
            while (end > 0 && (line.charAt(end - 1) == '\n' || line.charAt(end - 1) == '\r')) {
                end--;
            }
            return end;
        }

        @Override
        public Set<Class<?>> getAfterDependents() {
            return null;
        }

        @Override
        public Set<Class<?>> getBeforeDependents() {
            return null;
        }

        @Override
        public boolean affectsGlobalScope() {
            return false;
        }
    }
}
