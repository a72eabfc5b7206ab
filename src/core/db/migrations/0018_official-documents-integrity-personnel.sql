CREATE TABLE "core_official_counters" (
	"agency_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"kind" text NOT NULL,
	"year" integer NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "core_official_counters_agency_id_kind_year_pk" PRIMARY KEY("agency_id","kind","year")
);
--> statement-breakpoint
CREATE TABLE "core_official_documents" (
	"agency_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"template_key" text,
	"feed" text,
	"fiscal_year" integer NOT NULL,
	"subject" text NOT NULL,
	"preamble" text DEFAULT '' NOT NULL,
	"clauses" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"closing" text DEFAULT '' NOT NULL,
	"digits" text DEFAULT 'thai' NOT NULL,
	"signer_name" text NOT NULL,
	"signer_position" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"number" integer,
	"number_year" integer,
	"issued_on" date,
	"signed_by_user_id" uuid,
	"signed_by_label" text,
	"signed_at" timestamp with time zone,
	"replaces_id" uuid,
	"published_at" timestamp with time zone,
	"published_by" text,
	"pdf_sha256" text,
	"docx_sha256" text,
	"created_by" text NOT NULL,
	CONSTRAINT "core_official_documents_agency_id_id_pk" PRIMARY KEY("agency_id","id"),
	CONSTRAINT "core_official_documents_kind_check" CHECK ("core_official_documents"."kind" in ('announcement', 'order')),
	CONSTRAINT "core_official_documents_status_check" CHECK ("core_official_documents"."status" in ('draft', 'review', 'signed', 'published'))
);
--> statement-breakpoint
CREATE TABLE "core_official_emblems" (
	"agency_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sha256" text NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"uploaded_by" text NOT NULL,
	CONSTRAINT "core_official_emblems_agency_id_pk" PRIMARY KEY("agency_id")
);
--> statement-breakpoint
CREATE TABLE "integrity_reports" (
	"agency_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"fiscal_year" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"pdf_sha256" text NOT NULL,
	"docx_sha256" text NOT NULL,
	"published_by" text NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	CONSTRAINT "integrity_reports_agency_id_fiscal_year_kind_pk" PRIMARY KEY("agency_id","fiscal_year","kind")
);
--> statement-breakpoint
CREATE TABLE "integrity_risk_follow_ups" (
	"agency_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"risk_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"likelihood" integer NOT NULL,
	"impact" integer NOT NULL,
	"note" text NOT NULL,
	"recorded_by" text NOT NULL,
	CONSTRAINT "integrity_risk_follow_ups_agency_id_risk_id_round_pk" PRIMARY KEY("agency_id","risk_id","round"),
	CONSTRAINT "integrity_risk_follow_ups_round_check" CHECK ("integrity_risk_follow_ups"."round" in (6, 12)),
	CONSTRAINT "integrity_risk_follow_ups_likelihood_check" CHECK ("integrity_risk_follow_ups"."likelihood" between 1 and 5),
	CONSTRAINT "integrity_risk_follow_ups_impact_check" CHECK ("integrity_risk_follow_ups"."impact" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "integrity_risks" (
	"agency_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"fiscal_year" integer NOT NULL,
	"process" text NOT NULL,
	"risk" text NOT NULL,
	"likelihood" integer NOT NULL,
	"impact" integer NOT NULL,
	"controls" text DEFAULT '' NOT NULL,
	"owner" text DEFAULT '' NOT NULL,
	"created_by" text NOT NULL,
	CONSTRAINT "integrity_risks_agency_id_id_pk" PRIMARY KEY("agency_id","id"),
	CONSTRAINT "integrity_risks_likelihood_check" CHECK ("integrity_risks"."likelihood" between 1 and 5),
	CONSTRAINT "integrity_risks_impact_check" CHECK ("integrity_risks"."impact" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "personnel_hearings" (
	"agency_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"fiscal_year" integer NOT NULL,
	"held_on" date NOT NULL,
	"attendees" integer NOT NULL,
	"issues" text NOT NULL,
	"answers" text DEFAULT '' NOT NULL,
	"recorded_by" text NOT NULL,
	CONSTRAINT "personnel_hearings_agency_id_id_pk" PRIMARY KEY("agency_id","id")
);
--> statement-breakpoint
CREATE TABLE "personnel_people" (
	"agency_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"full_name" text NOT NULL,
	"staff_type" text NOT NULL,
	"position" text NOT NULL,
	"unit_id" uuid,
	"national_id" text,
	"created_by" text NOT NULL,
	CONSTRAINT "personnel_people_agency_id_id_pk" PRIMARY KEY("agency_id","id")
);
--> statement-breakpoint
CREATE TABLE "personnel_settings" (
	"agency_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"store_national_id" boolean DEFAULT false NOT NULL,
	CONSTRAINT "personnel_settings_agency_id_pk" PRIMARY KEY("agency_id")
);
--> statement-breakpoint
CREATE TABLE "personnel_trainings" (
	"agency_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"fiscal_year" integer NOT NULL,
	"course" text NOT NULL,
	"provider" text DEFAULT '' NOT NULL,
	"attended_on" date NOT NULL,
	"hours" numeric(6, 1) NOT NULL,
	"recorded_by" text NOT NULL,
	CONSTRAINT "personnel_trainings_agency_id_id_pk" PRIMARY KEY("agency_id","id")
);
--> statement-breakpoint
ALTER TABLE "core_official_counters" ADD CONSTRAINT "core_official_counters_agency_id_core_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."core_agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core_official_documents" ADD CONSTRAINT "core_official_documents_agency_id_core_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."core_agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core_official_emblems" ADD CONSTRAINT "core_official_emblems_agency_id_core_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."core_agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integrity_reports" ADD CONSTRAINT "integrity_reports_agency_id_core_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."core_agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integrity_risk_follow_ups" ADD CONSTRAINT "integrity_risk_follow_ups_agency_id_core_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."core_agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integrity_risks" ADD CONSTRAINT "integrity_risks_agency_id_core_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."core_agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "personnel_hearings" ADD CONSTRAINT "personnel_hearings_agency_id_core_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."core_agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "personnel_people" ADD CONSTRAINT "personnel_people_agency_id_core_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."core_agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "personnel_people" ADD CONSTRAINT "personnel_people_agency_id_unit_id_core_units_agency_id_id_fk" FOREIGN KEY ("agency_id","unit_id") REFERENCES "public"."core_units"("agency_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "personnel_settings" ADD CONSTRAINT "personnel_settings_agency_id_core_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."core_agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "personnel_trainings" ADD CONSTRAINT "personnel_trainings_agency_id_core_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."core_agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "personnel_trainings" ADD CONSTRAINT "personnel_trainings_agency_id_person_id_personnel_people_agency_id_id_fk" FOREIGN KEY ("agency_id","person_id") REFERENCES "public"."personnel_people"("agency_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "core_official_documents_number_key" ON "core_official_documents" USING btree ("agency_id","kind","number_year","number") WHERE "core_official_documents"."number" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "core_official_documents_replaces_key" ON "core_official_documents" USING btree ("agency_id","replaces_id") WHERE "core_official_documents"."replaces_id" is not null;