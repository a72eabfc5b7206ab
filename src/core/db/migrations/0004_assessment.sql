CREATE TABLE "assessment_analyses" (
	"agency_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"fiscal_year" integer NOT NULL,
	"title_th" text NOT NULL,
	"foreword_th" text DEFAULT '' NOT NULL,
	"result_summary_th" text DEFAULT '' NOT NULL,
	"overview_th" text DEFAULT '' NOT NULL,
	"limitations_th" text DEFAULT '' NOT NULL,
	"use_thai_digits" boolean DEFAULT true NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	CONSTRAINT "assessment_analyses_agency_id_fiscal_year_pk" PRIMARY KEY("agency_id","fiscal_year")
);
--> statement-breakpoint
CREATE TABLE "assessment_analysis_areas" (
	"agency_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"fiscal_year" integer NOT NULL,
	"area_code" text NOT NULL,
	"no" integer NOT NULL,
	"name_th" text NOT NULL,
	"findings_th" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"improvements_th" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"measures" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "assessment_analysis_areas_agency_id_fiscal_year_area_code_pk" PRIMARY KEY("agency_id","fiscal_year","area_code")
);
--> statement-breakpoint
CREATE TABLE "assessment_results" (
	"agency_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"fiscal_year" integer NOT NULL,
	"kind" text NOT NULL,
	"indicator_scores" jsonb NOT NULL,
	"question_scores" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"tool_scores" jsonb NOT NULL,
	"total" numeric(5, 2) NOT NULL,
	"level_code" text NOT NULL,
	"level_label_th" text NOT NULL,
	"stated_level_th" text,
	"source_file_name" text NOT NULL,
	"imported_by" uuid,
	"imported_by_label" text NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	CONSTRAINT "assessment_results_agency_id_id_pk" PRIMARY KEY("agency_id","id")
);
--> statement-breakpoint
CREATE TABLE "assessment_weak_question_settings" (
	"agency_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"fiscal_year" integer NOT NULL,
	"rule" jsonb NOT NULL,
	"added_codes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"removed_codes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "assessment_weak_question_settings_agency_id_fiscal_year_pk" PRIMARY KEY("agency_id","fiscal_year")
);
--> statement-breakpoint
ALTER TABLE "assessment_analyses" ADD CONSTRAINT "assessment_analyses_agency_id_core_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."core_agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_analysis_areas" ADD CONSTRAINT "assessment_analysis_areas_agency_id_core_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."core_agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_results" ADD CONSTRAINT "assessment_results_agency_id_core_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."core_agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_weak_question_settings" ADD CONSTRAINT "assessment_weak_question_settings_agency_id_core_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."core_agencies"("id") ON DELETE cascade ON UPDATE no action;