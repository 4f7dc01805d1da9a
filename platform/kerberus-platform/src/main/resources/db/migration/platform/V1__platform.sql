-- Scheduled tasks: one row per global task; a replica runs a task only while it holds the lease.
CREATE TABLE platform_tasks (
    id           VARCHAR(200) PRIMARY KEY,
    next_run_at  BIGINT       NOT NULL,
    lease_holder VARCHAR(200),
    lease_until  BIGINT,
    last_run_at  BIGINT,
    last_error   TEXT,
    done         BOOLEAN      NOT NULL DEFAULT FALSE
);

-- Token signing keys, shared by all replicas so that any replica verifies any token.
CREATE TABLE platform_auth_keys (
    kid         VARCHAR(64) PRIMARY KEY,
    public_jwk  TEXT        NOT NULL,
    private_jwk TEXT        NOT NULL,
    created_at  BIGINT      NOT NULL
);

-- Browser sessions; the cookie holds a random id, the table only its SHA-256.
CREATE TABLE platform_sessions (
    id_hash      VARCHAR(64)  PRIMARY KEY,
    subject      VARCHAR(400) NOT NULL,
    ownership    TEXT         NOT NULL,
    display_name VARCHAR(400),
    csrf_token   VARCHAR(64)  NOT NULL,
    created_at   BIGINT       NOT NULL,
    expires_at   BIGINT       NOT NULL
);
CREATE INDEX platform_sessions_subject ON platform_sessions (subject);

-- Per-user preferences such as the theme.
CREATE TABLE platform_user_settings (
    subject       VARCHAR(400) NOT NULL,
    setting_name  VARCHAR(100) NOT NULL,
    setting_value TEXT         NOT NULL,
    PRIMARY KEY (subject, setting_name)
);
