ALTER TABLE "engagements" ADD COLUMN "contract" jsonb;--> statement-breakpoint
ALTER TABLE "signatures" ADD COLUMN "authentication" text;--> statement-breakpoint
ALTER TABLE "signatures" ADD CONSTRAINT "signatures_authentication_check" CHECK ("signatures"."authentication" in ('password', 'password+totp'));