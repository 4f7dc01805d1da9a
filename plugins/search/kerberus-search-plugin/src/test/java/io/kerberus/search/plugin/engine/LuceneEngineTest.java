package io.kerberus.search.plugin.engine;

import io.kerberus.search.SearchEngine;
import io.kerberus.search.SearchQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LuceneEngineTest extends SearchEngineContract {

    @TempDir
    Path folder;

    @Override
    protected SearchEngine newEngine() throws Exception {
        return new LuceneEngine(folder.resolve("index"));
    }

    @Test
    void keepsIndexAcrossRestart() throws Exception {
        engine.close();

        engine = new LuceneEngine(folder.resolve("index"));

        assertThat(engine.counts()).isEqualTo(Map.of(Corpus.CATALOG, 30L, Corpus.DOCS, 10L));
        assertThat(titles("orders").getFirst()).isEqualTo("orders");
    }

    @Test
    void namesTheFolderOfACorruptIndex() throws Exception {
        Path corrupt = folder.resolve("corrupt");
        Files.createDirectories(corrupt);
        Files.writeString(corrupt.resolve("segments_1"), "not an index");

        assertThatThrownBy(() -> new LuceneEngine(corrupt))
                .isInstanceOf(UnreadableIndexException.class)
                .hasMessageContaining(corrupt.toAbsolutePath().toString());
    }

    @Test
    void namesAFileWhereTheFolderShouldBe() throws Exception {
        Path file = Files.writeString(folder.resolve("file"), "x");

        assertThatThrownBy(() -> new LuceneEngine(file))
                .isInstanceOf(UnreadableIndexException.class)
                .hasMessageContaining(file.toAbsolutePath().toString());
    }

    @Test
    void makesWritesSearchableWhenTheCallReturns() throws Exception {
        engine.upsert(List.of(Corpus.entity("zebra-service", "Component", "team-z", "production", "Stripes.")));

        assertThat(engine.query(SearchQuery.of("zebra", 5), List.of()).total()).isEqualTo(1);
    }
}
