-- Issue #16: what several server nodes on one database must share (ADR 0018). Standard SQL for H2 in PostgreSQL
-- mode and for PostgreSQL (ADR 0004); H2 uses the same tables, so that both backends take one code path.

-- Secrets that every node signs and checks with (the anonymous CSRF value before log-in). The first node to need
-- one inserts it; a node that loses that race reads the winner's. Never logged, never in change_log.
CREATE TABLE cluster_secrets (
    name         VARCHAR(40)              NOT NULL PRIMARY KEY,
    secret_value VARCHAR(128)             NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Profile pictures, re-encoded (at most 512 x 512, so well under a megabyte), one per account, under the
-- generated name that users.avatar holds. Written in the transaction that names it on the account, so a
-- picture can be neither half-written nor orphaned; deleted with its account.
CREATE TABLE avatar_pictures (
    user_id    BIGINT                   NOT NULL PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    name       VARCHAR(100)             NOT NULL,
    content    BYTEA                    NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT avatar_pictures_name_key UNIQUE (name)
);

-- Throttle counters (failed log-ins, failed sign-ups and wrong invitation tokens, sign-up bursts), keyed by the
-- SHA-256 of what they count (an address, an address with an email): neither is stored readable. Rows untouched
-- for an hour carry nothing any throttle remembers and are pruned by the writers.
CREATE TABLE throttle_counters (
    key_digest CHAR(64)                 NOT NULL PRIMARY KEY,
    amount     DOUBLE PRECISION         NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX throttle_counters_updated_at_idx ON throttle_counters (updated_at);
