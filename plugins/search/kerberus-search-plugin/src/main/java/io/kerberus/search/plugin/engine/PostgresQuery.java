package io.kerberus.search.plugin.engine;

import io.kerberus.search.SearchQuery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The SQL of one query for {@link PostgresEngine}: the WHERE clause (all words, types, filters) and
 * the score expression, with every user value bound. Each word's score is a CASE over weighted
 * tsqueries, best first ({@code 'order':A} before {@code 'order':*A}), the same sums
 * {@link Ranking} defines and Lucene computes.
 */
final class PostgresQuery {

    final String where;
    final String score;
    final Map<String, Object> binds = new LinkedHashMap<>();

    PostgresQuery(QueryTerms terms, SearchQuery query, Function<QueryTerms.Word, List<String>> fuzzy) {
        List<String> conditions = new ArrayList<>();
        StringBuilder scoreSql = new StringBuilder("0");
        if (!terms.isEmpty()) {
            List<String> all = new ArrayList<>();
            for (QueryTerms.Word word : terms.words()) {
                Map<Integer, List<String>> byScore = new TreeMap<>((a, b) -> b - a);
                List<String> candidates = fuzzy.apply(word);
                for (Ranking.Field field : Ranking.Field.values()) {
                    for (String form : word.forms()) {
                        add(byScore, field, Ranking.Kind.EXACT, lexeme(form) + ":" + field.weightLabel);
                        if (word.prefix()) {
                            add(byScore, field, Ranking.Kind.PREFIX, lexeme(form) + ":*" + field.weightLabel);
                        }
                    }
                    for (String candidate : candidates) {
                        add(byScore, field, Ranking.Kind.FUZZY, lexeme(candidate) + ":" + field.weightLabel);
                    }
                }
                all.add(any(word, candidates));
                scoreSql.append(" + CASE");
                byScore.forEach((points, parts) -> scoreSql.append(" WHEN d.terms @@ CAST(")
                        .append(bind(String.join(" | ", parts))).append(" AS tsquery) THEN ").append(points));
                scoreSql.append(" ELSE 0 END");
            }
            conditions.add("d.terms @@ CAST(" + bind(String.join(" & ", all)) + " AS tsquery)");
            scoreSql.append(" + CASE WHEN d.title_key = ").append(bind(terms.titleKey()))
                    .append(" THEN ").append(Ranking.EXACT_TITLE).append(" ELSE 0 END");
        }
        if (!query.types().isEmpty()) {
            conditions.add("d.type IN (" + String.join(", ", query.types().stream().map(this::bind).toList()) + ")");
        }
        query.filters().forEach((field, values) -> {
            if (!values.isEmpty()) {
                conditions.add("EXISTS (SELECT 1 FROM search_facets f WHERE f.doc_id = d.doc_id AND f.facet = "
                        + bind(field) + " AND f.facet_value IN ("
                        + String.join(", ", values.stream().map(v -> bind(Ranking.facetValue(v))).toList()) + "))");
            }
        });
        this.where = conditions.isEmpty() ? "TRUE" : String.join(" AND ", conditions);
        this.score = scoreSql.toString();
    }

    /** The order of results: by score, or by title when there is no term; ties as Lucene breaks them (byte order). */
    static String orderBy(QueryTerms terms) {
        return terms.isEmpty()
                ? "d.title_sort COLLATE \"C\", d.location COLLATE \"C\", d.type COLLATE \"C\""
                : "score DESC, d.title_length, d.location COLLATE \"C\", d.type COLLATE \"C\"";
    }

    /** A bound parameter's placeholder. */
    String bind(Object value) {
        String name = "p" + binds.size();
        binds.put(name, value);
        return ":" + name;
    }

    private static void add(Map<Integer, List<String>> byScore, Ranking.Field field, Ranking.Kind kind, String part) {
        byScore.computeIfAbsent(field.weight * kind.weight, s -> new ArrayList<>()).add(part);
    }

    /** Any match of the word in any field. */
    private static String any(QueryTerms.Word word, List<String> candidates) {
        List<String> parts = new ArrayList<>();
        for (String form : word.forms()) {
            parts.add(lexeme(form) + (word.prefix() ? ":*" : ""));
            if (word.prefix()) {
                parts.add(lexeme(form));
            }
        }
        candidates.forEach(candidate -> parts.add(lexeme(candidate)));
        return "(" + String.join(" | ", parts) + ")";
    }

    /** A tsquery lexeme, quoted: analyzed terms are taken as they are, never parsed again. */
    static String lexeme(String term) {
        return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'";
    }
}
