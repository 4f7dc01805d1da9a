-- Entities each user starred on the catalog pages ("starred" filter, star toggle on entity pages).
CREATE TABLE catalog_starred (
    subject    VARCHAR(400) NOT NULL,
    entity_ref VARCHAR(700) NOT NULL,
    created_at BIGINT       NOT NULL,
    PRIMARY KEY (subject, entity_ref)
);
