-- Which provider opened a session, and when its user was last looked up in the user directory:
-- cookie requests look the user up again once that is older than auth.session.revalidateAfter.
ALTER TABLE platform_sessions ADD COLUMN provider VARCHAR(100);
ALTER TABLE platform_sessions ADD COLUMN resolved_at BIGINT;
UPDATE platform_sessions SET resolved_at = created_at;
