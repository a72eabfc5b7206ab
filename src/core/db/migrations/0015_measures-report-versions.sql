ALTER TABLE "measures_published_reports" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "measures_published_reports" ADD COLUMN "published_by_user_id" uuid;--> statement-breakpoint
ALTER TABLE "measures_published_reports" DROP CONSTRAINT "measures_published_reports_agency_id_fiscal_year_kind_pk";--> statement-breakpoint
ALTER TABLE "measures_published_reports" ADD CONSTRAINT "measures_published_reports_agency_id_fiscal_year_kind_version_pk" PRIMARY KEY("agency_id","fiscal_year","kind","version");
