package io.kerberus.search;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * Feeds the search index with the documents of one type. The search plugin calls
 * {@link #collate} for a full reindex on a schedule and on demand; collators whose sources change
 * often also push changes as they happen through {@link SearchIndex}. Add collators with
 * {@link SearchExtensions#COLLATORS} from a module of the {@code search} plugin.
 */
public interface Collator {

    /** The type of the documents, such as {@code software-catalog}; one collator per type. */
    String type();

    /** How often to collate everything again. */
    default Duration interval() {
        return Duration.ofMinutes(10);
    }

    /** Hands every current document of this type to {@code sink}; the index then holds exactly these. */
    void collate(Consumer<SearchDocument> sink) throws Exception;
}
