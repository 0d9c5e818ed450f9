-- The event log is append-only: the database itself refuses to change or remove history.
CREATE OR REPLACE FUNCTION bunkai_events_reject_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'events are append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER events_no_update_delete
  BEFORE UPDATE OR DELETE ON events
  FOR EACH ROW EXECUTE FUNCTION bunkai_events_reject_change();
--> statement-breakpoint
CREATE TRIGGER events_no_truncate
  BEFORE TRUNCATE ON events
  FOR EACH STATEMENT EXECUTE FUNCTION bunkai_events_reject_change();
--> statement-breakpoint
-- Every committed event wakes the listeners of every API instance (LISTEN bunkai_events).
-- NOTIFY is transactional: listeners hear of an event only once its transaction commits.
CREATE OR REPLACE FUNCTION bunkai_events_notify() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('bunkai_events', NEW.engagement_id::text || ':' || NEW.seq::text);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER events_notify
  AFTER INSERT ON events
  FOR EACH ROW EXECUTE FUNCTION bunkai_events_notify();
