package io.kerberus.plugin.ui;

import io.kerberus.plugin.Principal;
import io.kerberus.plugin.Request;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class TableStateTest {

    private static final List<Table.Column> COLUMNS = List.of(Table.Column.sortable("name", "Name"), Table.Column.plain("text", "Text"));

    /** A GET request with a query string and nothing else. */
    record QueryRequest(Map<String, List<String>> query) implements Request {
        public String method() { return "GET"; }
        public String path() { return "/things"; }
        public String pathParam(String name) { throw new IllegalArgumentException(name); }
        public Optional<String> queryParam(String name) { return query.getOrDefault(name, List.of()).stream().findFirst(); }
        public List<String> queryParams(String name) { return query.getOrDefault(name, List.of()); }
        public Map<String, List<String>> queryParamMap() { return new LinkedHashMap<>(query); }
        public Optional<String> formParam(String name) { return Optional.empty(); }
        public List<String> formParams(String name) { return List.of(); }
        public Map<String, List<String>> formParamMap() { return Map.of(); }
        public Optional<String> header(String name) { return Optional.empty(); }
        public Optional<String> cookie(String name) { return Optional.empty(); }
        public String body() { return ""; }
        public <T> T bodyAs(Class<T> type) { throw new UnsupportedOperationException(); }
        public Optional<Principal> principal() { return Optional.empty(); }
        public String csrfToken() { return ""; }
        public boolean isHtmx() { return false; }
    }

    private static TableState state(Map<String, List<String>> query) {
        return TableState.from(new QueryRequest(query), COLUMNS, "name", 25);
    }

    @Test
    void readsSortDirectionPageSizeAndFilter() {
        TableState state = state(Map.of("sort", List.of("name"), "dir", List.of("desc"), "page", List.of("3"), "size", List.of("10"), "q", List.of(" api ")));

        assertThat(state.sort()).isEqualTo("name");
        assertThat(state.descending()).isTrue();
        assertThat(state.offset()).isEqualTo(20);
        assertThat(state.query()).isEqualTo("api");
    }

    @Test
    void fallsBackForUnsortableOrUnknownColumnsAndBadNumbers() {
        TableState state = state(Map.of("sort", List.of("text; DROP TABLE x"), "page", List.of("-4"), "size", List.of("99999")));

        assertThat(state.sort()).isEqualTo("name");
        assertThat(state.page()).isEqualTo(1);
        assertThat(state.pageSize()).isEqualTo(TableState.MAX_PAGE_SIZE);
    }

    @Test
    void hugePageNumbersStayAPositiveOffset() {
        TableState state = state(Map.of("page", List.of("2147483647"), "size", List.of("200")));

        assertThat(state.offset()).isNotNegative();
    }

    @Test
    void buildsUrlsThatKeepOtherParameters() {
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("kind", List.of("component"));
        query.put("page", List.of("2"));
        TableState state = state(query);

        assertThat(state.url(Map.of("page", "3"))).isEqualTo("/things?kind=component&page=3");
    }
}
