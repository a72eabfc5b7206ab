CREATE TABLE "disclosure_documents" (
	"agency_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"entry_id" uuid,
	"sha256" text NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"label" text DEFAULT '' NOT NULL,
	"document_year" integer,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "disclosure_documents_agency_id_id_pk" PRIMARY KEY("agency_id","id")
);
--> statement-breakpoint
CREATE TABLE "disclosure_entries" (
	"agency_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"fiscal_year" integer NOT NULL,
	"item_code" text NOT NULL,
	"content_html" text DEFAULT '' NOT NULL,
	"links" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"table" jsonb,
	"document_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"responsible_unit_id" uuid,
	"publish_date" date,
	"status" text DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"review_comment" text,
	"submitted_at" timestamp with time zone,
	"published" jsonb,
	"published_at" timestamp with time zone,
	"published_by_user_id" uuid,
	"carried_from_year" integer,
	"needs_renewal" boolean DEFAULT false NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	CONSTRAINT "disclosure_entries_agency_id_id_pk" PRIMARY KEY("agency_id","id")
);
--> statement-breakpoint
CREATE TABLE "disclosure_entry_versions" (
	"agency_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"entry_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"event" text NOT NULL,
	"status" text NOT NULL,
	"snapshot" jsonb NOT NULL,
	"actor_user_id" uuid,
	"actor_label" text NOT NULL,
	"comment" text,
	CONSTRAINT "disclosure_entry_versions_agency_id_entry_id_version_pk" PRIMARY KEY("agency_id","entry_id","version")
);
--> statement-breakpoint
CREATE TABLE "disclosure_executives" (
	"agency_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name_th" text NOT NULL,
	"position_th" text NOT NULL,
	"branch" text NOT NULL,
	"phone" text,
	"email" text,
	"photo_document_id" uuid,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	CONSTRAINT "disclosure_executives_agency_id_id_pk" PRIMARY KEY("agency_id","id")
);
--> statement-breakpoint
CREATE TABLE "disclosure_laws" (
	"agency_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"title_th" text NOT NULL,
	"url" text,
	"category_th" text DEFAULT '' NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "disclosure_laws_agency_id_id_pk" PRIMARY KEY("agency_id","id")
);
--> statement-breakpoint
CREATE TABLE "disclosure_news" (
	"agency_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" text DEFAULT 'news' NOT NULL,
	"title_th" text NOT NULL,
	"body_html" text DEFAULT '' NOT NULL,
	"published_on" date NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	CONSTRAINT "disclosure_news_agency_id_id_pk" PRIMARY KEY("agency_id","id")
);
--> statement-breakpoint
CREATE TABLE "disclosure_questions" (
	"agency_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"question_th" text NOT NULL,
	"answer_th" text DEFAULT '' NOT NULL,
	"asked_on" date NOT NULL,
	"answered_on" date,
	"is_demo" boolean DEFAULT false NOT NULL,
	CONSTRAINT "disclosure_questions_agency_id_id_pk" PRIMARY KEY("agency_id","id")
);
--> statement-breakpoint
ALTER TABLE "disclosure_documents" ADD CONSTRAINT "disclosure_documents_agency_id_core_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."core_agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_entries" ADD CONSTRAINT "disclosure_entries_agency_id_core_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."core_agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_entry_versions" ADD CONSTRAINT "disclosure_entry_versions_agency_id_core_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."core_agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_executives" ADD CONSTRAINT "disclosure_executives_agency_id_core_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."core_agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_laws" ADD CONSTRAINT "disclosure_laws_agency_id_core_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."core_agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_news" ADD CONSTRAINT "disclosure_news_agency_id_core_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."core_agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_questions" ADD CONSTRAINT "disclosure_questions_agency_id_core_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."core_agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "disclosure_documents_entry_idx" ON "disclosure_documents" USING btree ("agency_id","entry_id");--> statement-breakpoint
CREATE UNIQUE INDEX "disclosure_entries_item_key" ON "disclosure_entries" USING btree ("agency_id","fiscal_year","item_code");--> statement-breakpoint
CREATE INDEX "disclosure_news_date_idx" ON "disclosure_news" USING btree ("agency_id","published_on");