package io.kerberus.catalog.plugin.processing;

import io.kerberus.plugin.Database;

/** The few SQL forms that differ between H2 and PostgreSQL, in one place. */
final class Sql {

    private Sql() {
    }

    /** The next value of the change sequence. */
    static String nextChangeSeq(Database.Dialect dialect) {
        return dialect == Database.Dialect.POSTGRES ? "nextval('catalog_change_seq')" : "NEXT VALUE FOR catalog_change_seq";
    }
}
