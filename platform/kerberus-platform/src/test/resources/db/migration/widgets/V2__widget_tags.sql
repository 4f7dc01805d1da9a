CREATE TABLE widgets_tags (
    widget_id BIGINT       NOT NULL REFERENCES widgets_items (id) ON DELETE CASCADE,
    tag       VARCHAR(100) NOT NULL,
    PRIMARY KEY (widget_id, tag)
);
