CREATE TABLE "integrity_activities" (
	"agency_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"fiscal_year" integer NOT NULL,
	"held_on" date NOT NULL,
	"title" text NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"participants" text NOT NULL,
	"details" text DEFAULT '' NOT NULL,
	"recorded_by" text NOT NULL,
	CONSTRAINT "integrity_activities_agency_id_id_pk" PRIMARY KEY("agency_id","id"),
	CONSTRAINT "integrity_activities_kind_check" CHECK ("integrity_activities"."kind" in ('no-gift', 'declaration'))
);
--> statement-breakpoint
CREATE TABLE "integrity_activity_photos" (
	"agency_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"activity_id" uuid NOT NULL,
	"sha256" text NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	CONSTRAINT "integrity_activity_photos_agency_id_activity_id_sha256_pk" PRIMARY KEY("agency_id","activity_id","sha256")
);
--> statement-breakpoint
CREATE TABLE "integrity_gifts" (
	"agency_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"fiscal_year" integer NOT NULL,
	"offered_on" date NOT NULL,
	"recipient" text NOT NULL,
	"giver" text NOT NULL,
	"description" text NOT NULL,
	"value_baht" numeric(12, 2) NOT NULL,
	"action" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"recorded_by" text NOT NULL,
	CONSTRAINT "integrity_gifts_agency_id_id_pk" PRIMARY KEY("agency_id","id"),
	CONSTRAINT "integrity_gifts_value_check" CHECK ("integrity_gifts"."value_baht" >= 0)
);
--> statement-breakpoint
CREATE TABLE "integrity_interest_declarations" (
	"agency_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"fiscal_year" integer NOT NULL,
	"declarer_user_id" uuid NOT NULL,
	"declarer_name" text NOT NULL,
	"committee" text DEFAULT '' NOT NULL,
	"has_conflict" boolean NOT NULL,
	"details" text DEFAULT '' NOT NULL,
	CONSTRAINT "integrity_interest_declarations_agency_id_id_pk" PRIMARY KEY("agency_id","id")
);
--> statement-breakpoint
ALTER TABLE "integrity_activities" ADD CONSTRAINT "integrity_activities_agency_id_core_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."core_agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integrity_activity_photos" ADD CONSTRAINT "integrity_activity_photos_agency_id_core_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."core_agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integrity_gifts" ADD CONSTRAINT "integrity_gifts_agency_id_core_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."core_agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integrity_interest_declarations" ADD CONSTRAINT "integrity_interest_declarations_agency_id_core_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."core_agencies"("id") ON DELETE cascade ON UPDATE no action;