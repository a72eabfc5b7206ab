CREATE TABLE "personnel_hr_reports" (
	"agency_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"fiscal_year" integer NOT NULL,
	"pdf_sha256" text NOT NULL,
	"docx_sha256" text NOT NULL,
	"published_by" text NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	CONSTRAINT "personnel_hr_reports_agency_id_fiscal_year_pk" PRIMARY KEY("agency_id","fiscal_year")
);
--> statement-breakpoint
CREATE TABLE "personnel_plan_activities" (
	"agency_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"fiscal_year" integer NOT NULL,
	"title" text NOT NULL,
	"target" text DEFAULT '' NOT NULL,
	"owner" text DEFAULT '' NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"result" text DEFAULT '' NOT NULL,
	"created_by" text NOT NULL,
	CONSTRAINT "personnel_plan_activities_agency_id_id_pk" PRIMARY KEY("agency_id","id")
);
--> statement-breakpoint
ALTER TABLE "personnel_hr_reports" ADD CONSTRAINT "personnel_hr_reports_agency_id_core_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."core_agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "personnel_plan_activities" ADD CONSTRAINT "personnel_plan_activities_agency_id_core_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."core_agencies"("id") ON DELETE cascade ON UPDATE no action;