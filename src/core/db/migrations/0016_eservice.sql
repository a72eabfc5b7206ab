CREATE TABLE "eservice_api_keys" (
	"agency_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"label" text NOT NULL,
	"key_hash" text NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "eservice_api_keys_agency_id_id_pk" PRIMARY KEY("agency_id","id")
);
--> statement-breakpoint
CREATE TABLE "eservice_discretion_events" (
	"agency_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"request_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"officer_id" uuid,
	"unit_id" uuid,
	"reason" text DEFAULT '' NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "eservice_discretion_events_agency_id_id_pk" PRIMARY KEY("agency_id","id")
);
--> statement-breakpoint
CREATE TABLE "eservice_holidays" (
	"agency_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"day" date NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"is_closed" boolean DEFAULT true NOT NULL,
	CONSTRAINT "eservice_holidays_agency_id_day_pk" PRIMARY KEY("agency_id","day")
);
--> statement-breakpoint
CREATE TABLE "eservice_manual_revisions" (
	"agency_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"service_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"manual" jsonb NOT NULL,
	"change_note" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"leaflet_pdf_sha256" text,
	"leaflet_docx_sha256" text,
	CONSTRAINT "eservice_manual_revisions_agency_id_service_id_revision_pk" PRIMARY KEY("agency_id","service_id","revision")
);
--> statement-breakpoint
CREATE TABLE "eservice_notices" (
	"agency_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"period" integer NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"is_emailed" boolean DEFAULT false NOT NULL,
	CONSTRAINT "eservice_notices_agency_id_id_pk" PRIMARY KEY("agency_id","id")
);
--> statement-breakpoint
CREATE TABLE "eservice_request_files" (
	"agency_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"document_index" smallint NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	CONSTRAINT "eservice_request_files_agency_id_id_pk" PRIMARY KEY("agency_id","id")
);
--> statement-breakpoint
CREATE TABLE "eservice_request_steps" (
	"agency_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"request_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"title" text NOT NULL,
	"unit_id" uuid,
	"due_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"note" text,
	CONSTRAINT "eservice_request_steps_agency_id_request_id_position_pk" PRIMARY KEY("agency_id","request_id","position")
);
--> statement-breakpoint
CREATE TABLE "eservice_requests" (
	"agency_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"service_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"tracking_code" text NOT NULL,
	"channel" text NOT NULL,
	"requester_name" text NOT NULL,
	"contact_email" text,
	"contact_phone" text,
	"details" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"queued_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"taken_by" uuid,
	"taken_at" timestamp with time zone,
	"documents_requested_at" timestamp with time zone,
	"documents_request_note" text,
	"completed_at" timestamp with time zone,
	"result_note" text,
	"satisfaction_answered_at" timestamp with time zone,
	CONSTRAINT "eservice_requests_agency_id_id_pk" PRIMARY KEY("agency_id","id")
);
--> statement-breakpoint
CREATE TABLE "eservice_satisfaction" (
	"agency_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"service_id" uuid NOT NULL,
	"month" text NOT NULL,
	"process" smallint NOT NULL,
	"time" smallint NOT NULL,
	"staff" smallint NOT NULL,
	"outcome" smallint NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	CONSTRAINT "eservice_satisfaction_agency_id_id_pk" PRIMARY KEY("agency_id","id")
);
--> statement-breakpoint
CREATE TABLE "eservice_services" (
	"agency_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"current_revision" integer NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "eservice_services_agency_id_id_pk" PRIMARY KEY("agency_id","id")
);
--> statement-breakpoint
ALTER TABLE "eservice_api_keys" ADD CONSTRAINT "eservice_api_keys_agency_id_core_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."core_agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eservice_discretion_events" ADD CONSTRAINT "eservice_discretion_events_agency_id_core_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."core_agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eservice_holidays" ADD CONSTRAINT "eservice_holidays_agency_id_core_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."core_agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eservice_manual_revisions" ADD CONSTRAINT "eservice_manual_revisions_agency_id_core_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."core_agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eservice_manual_revisions" ADD CONSTRAINT "eservice_manual_revisions_agency_id_service_id_eservice_services_agency_id_id_fk" FOREIGN KEY ("agency_id","service_id") REFERENCES "public"."eservice_services"("agency_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eservice_notices" ADD CONSTRAINT "eservice_notices_agency_id_core_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."core_agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eservice_notices" ADD CONSTRAINT "eservice_notices_agency_id_request_id_eservice_requests_agency_id_id_fk" FOREIGN KEY ("agency_id","request_id") REFERENCES "public"."eservice_requests"("agency_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eservice_request_files" ADD CONSTRAINT "eservice_request_files_agency_id_core_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."core_agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eservice_request_files" ADD CONSTRAINT "eservice_request_files_agency_id_request_id_eservice_requests_agency_id_id_fk" FOREIGN KEY ("agency_id","request_id") REFERENCES "public"."eservice_requests"("agency_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eservice_request_steps" ADD CONSTRAINT "eservice_request_steps_agency_id_core_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."core_agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eservice_request_steps" ADD CONSTRAINT "eservice_request_steps_agency_id_request_id_eservice_requests_agency_id_id_fk" FOREIGN KEY ("agency_id","request_id") REFERENCES "public"."eservice_requests"("agency_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eservice_requests" ADD CONSTRAINT "eservice_requests_agency_id_core_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."core_agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eservice_requests" ADD CONSTRAINT "eservice_requests_agency_id_service_id_revision_eservice_manual_revisions_agency_id_service_id_revision_fk" FOREIGN KEY ("agency_id","service_id","revision") REFERENCES "public"."eservice_manual_revisions"("agency_id","service_id","revision") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eservice_satisfaction" ADD CONSTRAINT "eservice_satisfaction_agency_id_core_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."core_agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eservice_services" ADD CONSTRAINT "eservice_services_agency_id_core_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."core_agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "eservice_api_keys_hash_key" ON "eservice_api_keys" USING btree ("key_hash");--> statement-breakpoint
CREATE INDEX "eservice_discretion_at_idx" ON "eservice_discretion_events" USING btree ("agency_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "eservice_notices_period_key" ON "eservice_notices" USING btree ("agency_id","request_id","kind","period");--> statement-breakpoint
CREATE UNIQUE INDEX "eservice_requests_tracking_key" ON "eservice_requests" USING btree ("agency_id","tracking_code");--> statement-breakpoint
CREATE INDEX "eservice_requests_queue_idx" ON "eservice_requests" USING btree ("agency_id","service_id","status","queued_at");--> statement-breakpoint
CREATE UNIQUE INDEX "eservice_services_code_key" ON "eservice_services" USING btree ("agency_id","code");