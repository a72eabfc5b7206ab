CREATE TABLE "assessment_agency_settings" (
	"agency_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"officers_may_manage" boolean DEFAULT false NOT NULL,
	CONSTRAINT "assessment_agency_settings_agency_id_pk" PRIMARY KEY("agency_id")
);
--> statement-breakpoint
ALTER TABLE "measures_actions" DROP CONSTRAINT "measures_actions_status_check";--> statement-breakpoint
ALTER TABLE "assessment_agency_settings" ADD CONSTRAINT "assessment_agency_settings_agency_id_core_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."core_agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures_actions" ADD CONSTRAINT "measures_actions_status_check" CHECK ("measures_actions"."status" in ('not_started', 'in_progress', 'done', 'cancelled', 'carried_over'));