-- One row per documented entity the portal builds docs for (techdocs.builder: local): the state of
-- its latest build, its log, and a lease so that one replica builds a site at a time.
CREATE TABLE techdocs_builds (
    entity_ref   VARCHAR(700)  NOT NULL PRIMARY KEY,
    status       VARCHAR(20)   NOT NULL,
    source       VARCHAR(2000),
    source_etag  VARCHAR(100),
    started_at   BIGINT,
    finished_at  BIGINT,
    checked_at   BIGINT        NOT NULL,
    lease_owner  VARCHAR(100),
    lease_until  BIGINT        NOT NULL,
    warnings     INT           NOT NULL DEFAULT 0,
    error        VARCHAR(4000),
    log          TEXT
);
