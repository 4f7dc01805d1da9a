package io.kerberus.catalog.plugin.processing;

import io.kerberus.catalog.CatalogProcessor;
import io.kerberus.catalog.plugin.ingest.LocationExpander;
import io.kerberus.catalog.plugin.ingest.Placeholders;
import io.kerberus.catalog.plugin.model.EntityValidator;
import io.kerberus.plugin.Database;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

/** Builds a {@link ProcessingEngine} from the catalog's parts (its constructor stays package-private). */
public final class Engines {

    private Engines() {
    }

    public static ProcessingEngine create(Jdbi jdbi, Database.Dialect dialect, FinalStore finals, EntityValidator validator,
                                          Placeholders placeholders, LocationExpander expander, List<CatalogProcessor> processors,
                                          ProcessingEngine.Settings settings, Clock clock, Consumer<Stitched> onStitched) {
        EntityProcessor processor = new EntityProcessor(validator, placeholders, expander, processors);
        return new ProcessingEngine(jdbi, finals, dialect, processor, settings, clock, onStitched);
    }
}
