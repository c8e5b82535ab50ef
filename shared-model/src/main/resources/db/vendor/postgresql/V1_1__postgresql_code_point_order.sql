-- PostgreSQL only (ADR 0013). H2 and Java compare text by code unit; PostgreSQL by the database's collation
-- (en_US.UTF-8, ICU ...), which orders 'B' before 'a', may ignore characters, and would break the People
-- search's prefix range `term >= w AND term < w || U+FFFF` and the name order the search copy relies on.
-- The columns that are searched or sorted by key compare by code point instead ("C"); their indexes follow.
ALTER TABLE user_search_terms ALTER COLUMN term TYPE VARCHAR(254) COLLATE "C";
ALTER TABLE users ALTER COLUMN sort_name TYPE VARCHAR(600) COLLATE "C";
ALTER TABLE users ALTER COLUMN email TYPE VARCHAR(254) COLLATE "C";

-- Under "C", lower() folds ASCII only; the stored-lower-case rule keeps the database's own (Unicode) lower().
ALTER TABLE users DROP CONSTRAINT users_email_lower;
ALTER TABLE users ADD CONSTRAINT users_email_lower CHECK (email = LOWER(email COLLATE "default"));
