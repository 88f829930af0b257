-- The audit trail refuses TRUNCATE too, not only UPDATE and DELETE.
DROP TRIGGER "AuditEvent_append_only" ON "AuditEvent";

CREATE TRIGGER "AuditEvent_append_only"
  BEFORE UPDATE OR DELETE OR TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_event_append_only"();
