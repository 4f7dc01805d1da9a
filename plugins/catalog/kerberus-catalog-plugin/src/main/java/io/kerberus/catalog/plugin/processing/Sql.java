package io.kerberus.catalog.plugin.processing;

import io.kerberus.plugin.Database;

/** The few SQL forms that differ between H2 and PostgreSQL, in one place. */
final class Sql {

    private Sql() {
    }

    /**
     * A table of the refs bound as array parameter {@code param}, to JOIN with: a join stays an index
     * lookup per ref, where a long {@code IN (...)} list makes H2 compare every row with every item.
     */
    static String refTable(Database.Dialect dialect, String param) {
        return dialect == Database.Dialect.POSTGRES ? "unnest(CAST(:" + param + " AS varchar[]))" : "UNNEST(CAST(:" + param + " AS VARCHAR ARRAY))";
    }

    /** The next value of the change sequence. */
    static String nextChangeSeq(Database.Dialect dialect) {
        return dialect == Database.Dialect.POSTGRES ? "nextval('catalog_change_seq')" : "NEXT VALUE FOR catalog_change_seq";
    }
}
