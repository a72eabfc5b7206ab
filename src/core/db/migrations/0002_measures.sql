CREATE TABLE "measures_actions" (
	"agency_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"measure_id" uuid NOT NULL,
	"step_text" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"officer_user_id" uuid,
	"start_date" date NOT NULL,
	"due_date" date NOT NULL,
	"status" text DEFAULT 'not_started' NOT NULL,
	"percent" integer DEFAULT 0 NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "measures_actions_agency_id_id_pk" PRIMARY KEY("agency_id","id"),
	CONSTRAINT "measures_actions_dates_check" CHECK ("measures_actions"."start_date" <= "measures_actions"."due_date"),
	CONSTRAINT "measures_actions_percent_check" CHECK ("measures_actions"."percent" between 0 and 100),
	CONSTRAINT "measures_actions_status_check" CHECK ("measures_actions"."status" in ('not_started', 'in_progress', 'done'))
);
--> statement-breakpoint
CREATE TABLE "measures_evidence_files" (
	"agency_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"progress_update_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	CONSTRAINT "measures_evidence_files_agency_id_id_pk" PRIMARY KEY("agency_id","id")
);
--> statement-breakpoint
CREATE TABLE "measures_measures" (
	"agency_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"fiscal_year" integer NOT NULL,
	"issue_area_code" text NOT NULL,
	"title" text NOT NULL,
	"method_text" text DEFAULT '' NOT NULL,
	"monitoring_text" text DEFAULT '' NOT NULL,
	"source" text NOT NULL,
	"source_ref" text,
	"carried_from_id" uuid,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "measures_measures_agency_id_id_pk" PRIMARY KEY("agency_id","id"),
	CONSTRAINT "measures_measures_source_check" CHECK ("measures_measures"."source" in ('analysis', 'manual'))
);
--> statement-breakpoint
CREATE TABLE "measures_progress_updates" (
	"agency_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"action_id" uuid NOT NULL,
	"text" text NOT NULL,
	"percent" integer NOT NULL,
	"links" text[] DEFAULT '{}'::text[] NOT NULL,
	"submitted_by" uuid NOT NULL,
	"submitted_by_name" text DEFAULT '' NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"reviewed_by" uuid,
	"reviewed_by_name" text,
	"reviewed_at" timestamp with time zone,
	"review_comment" text,
	CONSTRAINT "measures_progress_updates_agency_id_id_pk" PRIMARY KEY("agency_id","id"),
	CONSTRAINT "measures_progress_percent_check" CHECK ("measures_progress_updates"."percent" between 0 and 100),
	CONSTRAINT "measures_progress_state_check" CHECK ("measures_progress_updates"."state" in ('pending', 'approved', 'returned'))
);
--> statement-breakpoint
CREATE TABLE "measures_published_reports" (
	"agency_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"fiscal_year" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"docx_sha256" text NOT NULL,
	"pdf_sha256" text NOT NULL,
	"published_by" text NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	CONSTRAINT "measures_published_reports_agency_id_fiscal_year_kind_pk" PRIMARY KEY("agency_id","fiscal_year","kind")
);
--> statement-breakpoint
CREATE TABLE "measures_reminders_sent" (
	"agency_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"action_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"due_date" date NOT NULL,
	"recipient" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "measures_reminders_sent_agency_id_action_id_kind_due_date_recipient_pk" PRIMARY KEY("agency_id","action_id","kind","due_date","recipient")
);
--> statement-breakpoint
ALTER TABLE "measures_actions" ADD CONSTRAINT "measures_actions_agency_id_core_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."core_agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures_actions" ADD CONSTRAINT "measures_actions_agency_id_measure_id_measures_measures_agency_id_id_fk" FOREIGN KEY ("agency_id","measure_id") REFERENCES "public"."measures_measures"("agency_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures_actions" ADD CONSTRAINT "measures_actions_agency_id_unit_id_core_units_agency_id_id_fk" FOREIGN KEY ("agency_id","unit_id") REFERENCES "public"."core_units"("agency_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures_actions" ADD CONSTRAINT "measures_actions_agency_id_officer_user_id_core_staff_agency_id_user_id_fk" FOREIGN KEY ("agency_id","officer_user_id") REFERENCES "public"."core_staff"("agency_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures_evidence_files" ADD CONSTRAINT "measures_evidence_files_agency_id_core_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."core_agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures_evidence_files" ADD CONSTRAINT "measures_evidence_files_agency_id_progress_update_id_measures_progress_updates_agency_id_id_fk" FOREIGN KEY ("agency_id","progress_update_id") REFERENCES "public"."measures_progress_updates"("agency_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures_measures" ADD CONSTRAINT "measures_measures_agency_id_core_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."core_agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures_progress_updates" ADD CONSTRAINT "measures_progress_updates_agency_id_core_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."core_agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures_progress_updates" ADD CONSTRAINT "measures_progress_updates_agency_id_action_id_measures_actions_agency_id_id_fk" FOREIGN KEY ("agency_id","action_id") REFERENCES "public"."measures_actions"("agency_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures_published_reports" ADD CONSTRAINT "measures_published_reports_agency_id_core_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."core_agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures_reminders_sent" ADD CONSTRAINT "measures_reminders_sent_agency_id_core_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."core_agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures_reminders_sent" ADD CONSTRAINT "measures_reminders_sent_agency_id_action_id_measures_actions_agency_id_id_fk" FOREIGN KEY ("agency_id","action_id") REFERENCES "public"."measures_actions"("agency_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "measures_measures_source_ref_key" ON "measures_measures" USING btree ("agency_id","fiscal_year","source_ref") WHERE "measures_measures"."source_ref" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "measures_measures_carried_from_key" ON "measures_measures" USING btree ("agency_id","carried_from_id") WHERE "measures_measures"."carried_from_id" is not null;