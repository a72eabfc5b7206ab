ALTER TABLE "disclosure_entries" ADD COLUMN "document_ids" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "disclosure_entries" ADD COLUMN "published" jsonb;