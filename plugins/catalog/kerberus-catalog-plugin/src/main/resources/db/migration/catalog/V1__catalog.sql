-- Registered locations: from catalog.locations in the config, or through POST /locations.
CREATE TABLE catalog_locations (
    id         VARCHAR(36)   PRIMARY KEY,
    type       VARCHAR(100)  NOT NULL,
    target     VARCHAR(2000) NOT NULL,
    origin     VARCHAR(20)   NOT NULL,
    created_at BIGINT        NOT NULL
);
CREATE UNIQUE INDEX catalog_locations_target ON catalog_locations (type, target);

-- One row per entity the catalog knows, processed or not: what was read, whether processing took it
-- (processed_hash) and with which errors, where it came from (location_key, parent_ref), when it is due.
CREATE TABLE catalog_refresh_state (
    entity_ref         VARCHAR(700)  PRIMARY KEY,
    entity_id          VARCHAR(36)   NOT NULL,
    root               BOOLEAN       NOT NULL DEFAULT FALSE,
    parent_ref         VARCHAR(700),
    location_key       VARCHAR(2100),
    unprocessed_entity TEXT          NOT NULL,
    unprocessed_hash   VARCHAR(64)   NOT NULL,
    processed_hash     VARCHAR(64),
    errors             TEXT,
    next_update_at     BIGINT        NOT NULL,
    claimed_by         VARCHAR(100),
    claimed_until      BIGINT,
    created_at         BIGINT        NOT NULL
);
CREATE UNIQUE INDEX catalog_refresh_state_id ON catalog_refresh_state (entity_id);
CREATE INDEX catalog_refresh_state_due ON catalog_refresh_state (next_update_at);
CREATE INDEX catalog_refresh_state_parent ON catalog_refresh_state (parent_ref);

-- Entities as processing left them: the last good version with uid, status and the relations that
-- start at the entity (last key). Each replica's query index adds the inverse relations in memory and
-- follows the change sequence.
CREATE SEQUENCE catalog_change_seq;
CREATE TABLE catalog_final_entities (
    entity_ref   VARCHAR(700) PRIMARY KEY,
    entity_id    VARCHAR(36)  NOT NULL,
    final_entity TEXT         NOT NULL,
    hash         VARCHAR(64)  NOT NULL,
    seq          BIGINT       NOT NULL
);
CREATE INDEX catalog_final_entities_seq ON catalog_final_entities (seq);

-- Deleted entities, so that replicas drop them from their index; pruned after a day.
CREATE TABLE catalog_deletions (
    seq        BIGINT       PRIMARY KEY,
    entity_ref VARCHAR(700) NOT NULL,
    deleted_at BIGINT       NOT NULL
);
