CREATE TABLE "core_job_runs" (
	"job" text NOT NULL,
	"slot" timestamp with time zone NOT NULL,
	"trigger" text NOT NULL,
	"status" text NOT NULL,
	"attempts" integer NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"lease_until" timestamp with time zone NOT NULL,
	"runner" text NOT NULL,
	"summary" text,
	"by_agency" jsonb,
	"error" text,
	CONSTRAINT "core_job_runs_job_slot_pk" PRIMARY KEY("job","slot")
);
--> statement-breakpoint
CREATE UNLOGGED TABLE "surveys_abuse_fingerprints" (
	"fingerprint" text PRIMARY KEY NOT NULL,
	"seen_at_ms" bigint NOT NULL
);
--> statement-breakpoint
CREATE UNLOGGED TABLE "surveys_abuse_hits" (
	"client_key" text PRIMARY KEY NOT NULL,
	"window_start_ms" bigint NOT NULL,
	"count" integer NOT NULL
);
--> statement-breakpoint
CREATE UNLOGGED TABLE "surveys_abuse_secrets" (
	"day" text PRIMARY KEY NOT NULL,
	"secret" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "core_job_runs_started_at_idx" ON "core_job_runs" USING btree ("started_at");