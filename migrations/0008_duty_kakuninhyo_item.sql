ALTER TABLE "duties" ADD COLUMN "kakuninhyo_item" text;--> statement-breakpoint
ALTER TABLE "organization_duties" ADD COLUMN "kakuninhyo_item" text;