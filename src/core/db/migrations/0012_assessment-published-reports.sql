CREATE TABLE "assessment_published_reports" (
	"agency_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"fiscal_year" integer NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"docx_sha256" text NOT NULL,
	"pdf_sha256" text NOT NULL,
	"published_by" text NOT NULL,
	"published_by_user_id" uuid,
	"published_at" timestamp with time zone NOT NULL,
	CONSTRAINT "assessment_published_reports_agency_id_fiscal_year_version_pk" PRIMARY KEY("agency_id","fiscal_year","version")
);
--> statement-breakpoint
ALTER TABLE "assessment_published_reports" ADD CONSTRAINT "assessment_published_reports_agency_id_core_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."core_agencies"("id") ON DELETE cascade ON UPDATE no action;