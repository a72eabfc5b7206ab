CREATE TABLE "complaints_committee_members" (
	"agency_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"wrapped_key" text NOT NULL,
	CONSTRAINT "complaints_committee_members_agency_id_user_id_pk" PRIMARY KEY("agency_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "complaints_files" (
	"agency_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"complaint_id" uuid NOT NULL,
	"from_complainant" boolean NOT NULL,
	"sha256" text NOT NULL,
	"media_type" text NOT NULL,
	"file_name" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"added_on" date NOT NULL,
	CONSTRAINT "complaints_files_agency_id_id_pk" PRIMARY KEY("agency_id","id")
);
--> statement-breakpoint
CREATE TABLE "complaints_identities" (
	"agency_id" uuid NOT NULL,
	"complaint_id" uuid NOT NULL,
	"sealed" text NOT NULL,
	CONSTRAINT "complaints_identities_agency_id_complaint_id_pk" PRIMARY KEY("agency_id","complaint_id")
);
--> statement-breakpoint
CREATE TABLE "complaints_messages" (
	"agency_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"complaint_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"from_centre" boolean NOT NULL,
	"body" text NOT NULL,
	"sent_on" date NOT NULL,
	CONSTRAINT "complaints_messages_agency_id_id_pk" PRIMARY KEY("agency_id","id")
);
--> statement-breakpoint
CREATE TABLE "complaints_notes" (
	"agency_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"complaint_id" uuid NOT NULL,
	"author_user_id" uuid,
	"body" text NOT NULL,
	CONSTRAINT "complaints_notes_agency_id_id_pk" PRIMARY KEY("agency_id","id")
);
--> statement-breakpoint
CREATE TABLE "complaints_settings" (
	"agency_id" uuid PRIMARY KEY NOT NULL,
	"public_key" text NOT NULL,
	"admission_wrapped_key" text NOT NULL,
	"deadlines" jsonb NOT NULL,
	"order_number" text DEFAULT '' NOT NULL,
	"order_date" date,
	"webhook_token_hash" text,
	"webhook_callback_url" text,
	"case_counter" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "complaints_steps" (
	"agency_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"complaint_id" uuid NOT NULL,
	"status" text NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"taken_on" date NOT NULL,
	"seq" integer NOT NULL,
	CONSTRAINT "complaints_steps_agency_id_id_pk" PRIMARY KEY("agency_id","id")
);
--> statement-breakpoint
CREATE TABLE "complaints" (
	"agency_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"case_number" integer NOT NULL,
	"kind" text NOT NULL,
	"channel" text NOT NULL,
	"channel_reference" text,
	"conduct_type" text NOT NULL,
	"subject" text NOT NULL,
	"details" text NOT NULL,
	"location" text DEFAULT '' NOT NULL,
	"accused_text" text DEFAULT '' NOT NULL,
	"accused_user_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"is_anonymous" boolean NOT NULL,
	"receipt_hash" text NOT NULL,
	"status" text DEFAULT 'received' NOT NULL,
	"received_on" date NOT NULL,
	"step_on" date NOT NULL,
	"due_on" date,
	"escalated_on" date,
	"closed_on" date,
	"assignee_user_id" uuid,
	"outcome" text DEFAULT '' NOT NULL,
	"reply" text DEFAULT '' NOT NULL,
	"closing_reason" text DEFAULT '' NOT NULL,
	CONSTRAINT "complaints_agency_id_id_pk" PRIMARY KEY("agency_id","id"),
	CONSTRAINT "complaints_status_check" CHECK ("complaints"."status" in ('received','acknowledged','assigned','fact_finding','outcome','replied','forwarded','out_of_scope')),
	CONSTRAINT "complaints_kind_check" CHECK ("complaints"."kind" in ('grievance','corruption'))
);
--> statement-breakpoint
ALTER TABLE "complaints_committee_members" ADD CONSTRAINT "complaints_committee_members_agency_id_core_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."core_agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints_files" ADD CONSTRAINT "complaints_files_agency_id_core_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."core_agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints_identities" ADD CONSTRAINT "complaints_identities_agency_id_core_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."core_agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints_messages" ADD CONSTRAINT "complaints_messages_agency_id_core_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."core_agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints_notes" ADD CONSTRAINT "complaints_notes_agency_id_core_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."core_agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints_settings" ADD CONSTRAINT "complaints_settings_agency_id_core_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."core_agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints_steps" ADD CONSTRAINT "complaints_steps_agency_id_core_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."core_agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_agency_id_core_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."core_agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "complaints_files_agency_id_complaint_id_index" ON "complaints_files" USING btree ("agency_id","complaint_id");--> statement-breakpoint
CREATE UNIQUE INDEX "complaints_messages_seq_key" ON "complaints_messages" USING btree ("agency_id","complaint_id","seq");--> statement-breakpoint
CREATE INDEX "complaints_notes_agency_id_complaint_id_index" ON "complaints_notes" USING btree ("agency_id","complaint_id");--> statement-breakpoint
CREATE UNIQUE INDEX "complaints_steps_seq_key" ON "complaints_steps" USING btree ("agency_id","complaint_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "complaints_case_number_key" ON "complaints" USING btree ("agency_id","case_number");--> statement-breakpoint
CREATE UNIQUE INDEX "complaints_receipt_key" ON "complaints" USING btree ("agency_id","receipt_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "complaints_channel_reference_key" ON "complaints" USING btree ("agency_id","channel","channel_reference") WHERE "complaints"."channel_reference" is not null;--> statement-breakpoint
CREATE INDEX "complaints_open_idx" ON "complaints" USING btree ("agency_id","status","due_on");