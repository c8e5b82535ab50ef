-- The History search's word index (issue #17, ADR 0021): every word of an audit event's actor, subject, address
-- and details (lower-case runs of letters and digits, at most 64 characters), with the event's time, so that a
-- search for a rare word reads that word's events newest first from this key instead of walking the whole log.
-- Written in the event's transaction; pruned with it (by key: its words are computed again, so no index by time
-- adds to every audit write). Filled for events written before this version by the Java migration V8_2.
-- Standard SQL for H2 in PostgreSQL mode and PostgreSQL (ADR 0004); on PostgreSQL the word compares by code point
-- (db/vendor/postgresql/V8_1), so that a prefix is one key range.
CREATE TABLE audit_event_words (
    word        VARCHAR(64)              NOT NULL,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    event_id    BIGINT                   NOT NULL,
    PRIMARY KEY (word, occurred_at, event_id)
);
