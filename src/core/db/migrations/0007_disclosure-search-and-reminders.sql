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
CREATE TABLE "disclosure_search_documents" (
	"agency_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"href" text NOT NULL,
	"source" text NOT NULL,
	"section_key" text NOT NULL,
	"sort_key" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"title_words" text NOT NULL,
	"body_words" text NOT NULL,
	"content_hash" text NOT NULL,
	CONSTRAINT "disclosure_search_documents_agency_id_href_pk" PRIMARY KEY("agency_id","href")
);
--> statement-breakpoint
CREATE TABLE "disclosure_search_sources" (
	"agency_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"source" text NOT NULL,
	"content_hash" text,
	"is_stale" boolean DEFAULT true NOT NULL,
	"generation" integer DEFAULT 0 NOT NULL,
	"checked_at" timestamp with time zone,
	CONSTRAINT "disclosure_search_sources_agency_id_source_pk" PRIMARY KEY("agency_id","source")
);
--> statement-breakpoint
CREATE TABLE "disclosure_search_terms" (
	"agency_id" uuid NOT NULL,
	"word" text NOT NULL,
	"href" text NOT NULL,
	CONSTRAINT "disclosure_search_terms_agency_id_word_href_pk" PRIMARY KEY("agency_id","word","href")
);
--> statement-breakpoint
CREATE TABLE "disclosure_search_words" (
	"agency_id" uuid NOT NULL,
	"word" text NOT NULL,
	CONSTRAINT "disclosure_search_words_agency_id_word_pk" PRIMARY KEY("agency_id","word")
);
--> statement-breakpoint
ALTER TABLE "disclosure_reminders_sent" ADD CONSTRAINT "disclosure_reminders_sent_agency_id_core_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."core_agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_search_documents" ADD CONSTRAINT "disclosure_search_documents_agency_id_core_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."core_agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_search_sources" ADD CONSTRAINT "disclosure_search_sources_agency_id_core_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."core_agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_search_terms" ADD CONSTRAINT "disclosure_search_terms_agency_id_core_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."core_agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_search_words" ADD CONSTRAINT "disclosure_search_words_agency_id_core_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."core_agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "disclosure_search_documents_source_idx" ON "disclosure_search_documents" USING btree ("agency_id","source");