-- The audit log is append-only: the application never updates or deletes a row, and the
-- database refuses it too. A superuser can still bypass this, which `prongsai audit verify`
-- then detects through the hash chain.
CREATE OR REPLACE FUNCTION core_audit_log_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'core_audit_log is append-only';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER core_audit_log_no_update_delete
  BEFORE UPDATE OR DELETE ON core_audit_log
  FOR EACH ROW EXECUTE FUNCTION core_audit_log_append_only();
--> statement-breakpoint
CREATE TRIGGER core_audit_log_no_truncate
  BEFORE TRUNCATE ON core_audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION core_audit_log_append_only();
