-- PostgreSQL only (ADR 0013), as V1_1 for the People search: the History search reads a prefix as the key range
-- `word >= p AND word < p || U+FFFF`, which holds only when words compare by code point.
ALTER TABLE audit_event_words ALTER COLUMN word TYPE VARCHAR(64) COLLATE "C";
