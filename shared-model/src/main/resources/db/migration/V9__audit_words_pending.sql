-- The audit events whose History search words are not written yet (ADR 0022). An event's transaction writes the
-- event and its id here, not its dozen words: each word is a key at its own place in audit_event_words, and
-- writing them in every log-in's transaction cost H2 about 0.7 ms of the log-in. AuditWordIndexer writes the
-- words of a batch of these after they commit, in one transaction that also deletes them from here, and a search
-- reads the events still listed here directly, so it never misses one. The table stays a few rows long.
CREATE TABLE audit_words_pending (
    event_id BIGINT NOT NULL PRIMARY KEY
);
