-- One row per user notification, or one per broadcast (user_ref NULL) with per-user state beside it.
CREATE TABLE notifications_messages (
    id            VARCHAR(36)   NOT NULL PRIMARY KEY,
    user_ref      VARCHAR(400),
    title         VARCHAR(1000) NOT NULL,
    description   VARCHAR(10000),
    link          VARCHAR(2000),
    severity      VARCHAR(10)   NOT NULL,
    severity_rank SMALLINT      NOT NULL,
    topic         VARCHAR(400),
    scope         VARCHAR(400),
    origin        VARCHAR(400)  NOT NULL,
    created_at    BIGINT        NOT NULL,
    updated_at    BIGINT,
    read_at       BIGINT,
    saved_at      BIGINT
);
CREATE INDEX notifications_messages_user ON notifications_messages (user_ref, created_at);
CREATE INDEX notifications_messages_scope ON notifications_messages (scope, origin);
CREATE INDEX notifications_messages_created ON notifications_messages (created_at);

-- A user's read and saved state of a broadcast.
CREATE TABLE notifications_broadcast_state (
    notification_id VARCHAR(36)  NOT NULL REFERENCES notifications_messages (id) ON DELETE CASCADE,
    user_ref        VARCHAR(400) NOT NULL,
    read_at         BIGINT,
    saved_at        BIGINT,
    PRIMARY KEY (notification_id, user_ref)
);
CREATE INDEX notifications_broadcast_state_user ON notifications_broadcast_state (user_ref);
