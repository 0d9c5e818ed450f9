ALTER TABLE "engagements" ADD COLUMN "contract" jsonb;--> statement-breakpoint
ALTER TABLE "signatures" ADD COLUMN "authentication" text DEFAULT 'password' NOT NULL;