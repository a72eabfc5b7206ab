ALTER TABLE "measures_published_reports" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "measures_published_reports" ADD COLUMN "published_by_user_id" uuid;--> statement-breakpoint
ALTER TABLE "measures_published_reports" DROP CONSTRAINT "measures_published_reports_agency_id_fiscal_year_kind_pk";--> statement-breakpoint
ALTER TABLE "measures_published_reports" ADD CONSTRAINT "measures_published_reports_agency_id_fiscal_year_kind_version_pk" PRIMARY KEY("agency_id","fiscal_year","kind","version");
--> statement-breakpoint
-- Every staff change writes its audit entry, which moves its agency's chain head (core/audit):
-- that one row tells every app server on this database which agency changed, on commit, so
-- each drops its cached public pages of that agency at once (issue 14 §4, core/http/page-cache).
CREATE OR REPLACE FUNCTION core_audit_heads_notify() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify('prongsai_changes', NEW.agency_id::text);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER core_audit_heads_notify
  AFTER INSERT OR UPDATE ON core_audit_heads
  FOR EACH ROW EXECUTE FUNCTION core_audit_heads_notify();
