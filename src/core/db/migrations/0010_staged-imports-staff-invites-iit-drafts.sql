CREATE TABLE "core_staff_invites" (
	"agency_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"email" text NOT NULL,
	"display_name" text NOT NULL,
	"roles" text[] NOT NULL,
	"unit_id" uuid,
	"position_th" text DEFAULT '' NOT NULL,
	"invited_by" uuid,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"accepted_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "core_staff_invites_agency_id_id_pk" PRIMARY KEY("agency_id","id")
);
--> statement-breakpoint
CREATE TABLE "assessment_staged_imports" (
	"agency_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"staged_by" uuid NOT NULL,
	"fiscal_year" integer NOT NULL,
	"stated_level_th" text,
	"file_name" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "assessment_staged_imports_agency_id_id_pk" PRIMARY KEY("agency_id","id")
);
--> statement-breakpoint
ALTER TABLE "core_staff_invites" ADD CONSTRAINT "core_staff_invites_agency_id_core_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."core_agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_staged_imports" ADD CONSTRAINT "assessment_staged_imports_agency_id_core_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."core_agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "core_staff_invites_token_hash" ON "core_staff_invites" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "assessment_staged_imports_expires_at_index" ON "assessment_staged_imports" USING btree ("expires_at");--> statement-breakpoint
-- An IIT draft held its code's hash next to its answers (docs/decisions/0005): drop those
-- drafts with the column; their codes stay unspent and start a new draft.
DELETE FROM "surveys_drafts" WHERE "code_hash" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "surveys_drafts" DROP COLUMN "code_hash";