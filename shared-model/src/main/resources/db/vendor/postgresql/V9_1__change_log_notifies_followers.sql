-- PostgreSQL only (ADR 0013, ADR 0014): a transaction that appends to change_log wakes the followers of the other
-- processes, which LISTEN on siali_changes. The notification goes out when the transaction commits, and PostgreSQL
-- folds the identical ones of one transaction into one. The table sends it, not each writer: a NOTIFY statement per
-- change cost every write a round trip to the server (a log-in two).
CREATE FUNCTION change_log_notify_followers() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('siali_changes', '');
  RETURN NULL;
END
$$;

CREATE TRIGGER change_log_notifies_followers
  AFTER INSERT ON change_log
  FOR EACH STATEMENT EXECUTE FUNCTION change_log_notify_followers();
