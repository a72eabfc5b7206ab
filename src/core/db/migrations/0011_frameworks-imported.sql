CREATE TABLE "assessment_framework_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"fiscal_year" integer NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"data" jsonb NOT NULL,
	"sha256" text NOT NULL,
	"file_name" text NOT NULL,
	"imported_by_user_id" uuid,
	"imported_by_label" text NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by_label" text,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "surveys_campaigns" ADD COLUMN "question_wording" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_framework_versions_year_version" ON "assessment_framework_versions" USING btree ("fiscal_year","version");