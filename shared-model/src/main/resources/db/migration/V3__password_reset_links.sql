-- One-time password-reset links (issue #15): the owner makes one for a person who forgot their password and hands
-- it over (Copy or QR code). Only the SHA-256 digest of the link's secret is stored, so a copy of the database
-- hands out no working link. One live link per account: making a new one replaces the old. Using it deletes the
-- row in the transaction that sets the password, so a link works once; expires_at is now + 24 h by the service's
-- clock. Standard SQL for H2 in PostgreSQL mode and PostgreSQL (ADR 0004).
CREATE TABLE password_reset_links (
    token_digest CHAR(64)                 NOT NULL PRIMARY KEY,
    user_id      BIGINT                   NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_by   BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT password_reset_links_user_key UNIQUE (user_id)
);
