CREATE TABLE "disclosure_reminders_sent" (
	"agency_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_on" date NOT NULL,
	"recipient" text NOT NULL,
	"fiscal_year" integer NOT NULL,
	"item_codes" jsonb NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "disclosure_reminders_sent_agency_id_sent_on_recipient_pk" PRIMARY KEY("agency_id","sent_on","recipient")
);
--> statement-breakpoint
ALTER TABLE "disclosure_reminders_sent" ADD CONSTRAINT "disclosure_reminders_sent_agency_id_core_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."core_agencies"("id") ON DELETE cascade ON UPDATE no action;