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
ALTER TABLE "assessment_staged_imports" ADD CONSTRAINT "assessment_staged_imports_agency_id_core_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."core_agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assessment_staged_imports_expires_at_index" ON "assessment_staged_imports" USING btree ("expires_at");--> statement-breakpoint
-- An IIT draft held its code's hash next to its answers (docs/decisions/0005): drop those
-- drafts with the column; their codes stay unspent and start a new draft.
DELETE FROM "surveys_drafts" WHERE "code_hash" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "surveys_drafts" DROP COLUMN "code_hash";