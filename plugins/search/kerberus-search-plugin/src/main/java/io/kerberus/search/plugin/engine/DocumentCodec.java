package io.kerberus.search.plugin.engine;

import io.kerberus.search.SearchDocument;
import tools.jackson.databind.json.JsonMapper;

/** Documents as the JSON both engines store, to return them as indexed. */
final class DocumentCodec {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DocumentCodec() {
    }

    static String write(SearchDocument document) {
        return JSON.writeValueAsString(document);
    }

    static SearchDocument read(String json) {
        return JSON.readValue(json, SearchDocument.class);
    }
}
