-- PostgreSQL only (ADR 0014, ADR 0026): the notification that wakes the followers names the pool that committed,
-- by the connection's application_name ("siali-label" and a tag of its own per process), so that a follower is not
-- woken by its own process's commits, whose changes that process delivered when they committed. PostgreSQL still
-- folds a transaction's identical notifications into one. A follower of a node older than this one wakes on any
-- notification, as before.
CREATE OR REPLACE FUNCTION change_log_notify_followers() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('siali_changes', current_setting('application_name'));
  RETURN NULL;
END
$$;
