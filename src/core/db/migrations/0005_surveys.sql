CREATE TABLE "surveys_access_codes" (
	"agency_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"code_hash" text NOT NULL,
	"used" boolean DEFAULT false NOT NULL,
	CONSTRAINT "surveys_access_codes_agency_id_code_hash_pk" PRIMARY KEY("agency_id","code_hash")
);
--> statement-breakpoint
CREATE TABLE "surveys_campaigns" (
	"agency_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"fiscal_year" integer NOT NULL,
	"tool" text NOT NULL,
	"title_th" text NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"extra_questions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "surveys_campaigns_agency_id_id_pk" PRIMARY KEY("agency_id","id")
);
--> statement-breakpoint
CREATE TABLE "surveys_drafts" (
	"agency_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"campaign_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"code_hash" text,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"extra_answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"submission_key" text NOT NULL,
	"expires_on" date NOT NULL,
	CONSTRAINT "surveys_drafts_agency_id_token_hash_pk" PRIMARY KEY("agency_id","token_hash")
);
--> statement-breakpoint
CREATE TABLE "surveys_responses" (
	"agency_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"answered_on" date NOT NULL,
	"channel" text NOT NULL,
	"answers" jsonb NOT NULL,
	"extra_answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"submission_key" text NOT NULL,
	CONSTRAINT "surveys_responses_agency_id_id_pk" PRIMARY KEY("agency_id","id")
);
--> statement-breakpoint
ALTER TABLE "surveys_access_codes" ADD CONSTRAINT "surveys_access_codes_agency_id_core_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."core_agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys_campaigns" ADD CONSTRAINT "surveys_campaigns_agency_id_core_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."core_agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys_drafts" ADD CONSTRAINT "surveys_drafts_agency_id_core_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."core_agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys_responses" ADD CONSTRAINT "surveys_responses_agency_id_core_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."core_agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "surveys_access_codes_agency_id_campaign_id_index" ON "surveys_access_codes" USING btree ("agency_id","campaign_id");--> statement-breakpoint
CREATE INDEX "surveys_drafts_expiry" ON "surveys_drafts" USING btree ("expires_on");--> statement-breakpoint
CREATE UNIQUE INDEX "surveys_responses_submission_key" ON "surveys_responses" USING btree ("agency_id","campaign_id","submission_key");--> statement-breakpoint
CREATE INDEX "surveys_responses_agency_id_campaign_id_answered_on_index" ON "surveys_responses" USING btree ("agency_id","campaign_id","answered_on");