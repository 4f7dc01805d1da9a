-- The PostgreSQL search engine's index (search.engine: postgres), shared by all replicas. Plain tables
-- so that the migration also runs on H2. PostgresEngine adds the tsvector column and its GIN index
-- (PostgreSQL only) when it starts.

-- One row per document: the document as JSON (returned as indexed) and what ranking and sorting need.
-- doc_id is the SHA-256 of type and location, so that long locations need no wide index.
CREATE TABLE search_documents (
    doc_id       VARCHAR(64)   PRIMARY KEY,
    type         VARCHAR(200)  NOT NULL,
    location     TEXT          NOT NULL,
    title_key    TEXT          NOT NULL,
    title_sort   VARCHAR(200)  NOT NULL,
    title_length INTEGER       NOT NULL,
    source       TEXT          NOT NULL
);
CREATE INDEX search_documents_type ON search_documents (type);

-- Facet values, lower-cased, for filters and counts.
CREATE TABLE search_facets (
    doc_id VARCHAR(64)   NOT NULL REFERENCES search_documents (doc_id) ON DELETE CASCADE,
    facet       VARCHAR(200)  NOT NULL,
    facet_value VARCHAR(1000) NOT NULL,
    PRIMARY KEY (doc_id, facet, facet_value)
);
CREATE INDEX search_facets_value ON search_facets (facet, facet_value);

-- Every term ever indexed, to expand words with typos; terms of deleted documents stay and match nothing.
CREATE TABLE search_terms (
    term VARCHAR(300) PRIMARY KEY
);
