CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"engagement_id" uuid NOT NULL,
	"party_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"source_key" text NOT NULL,
	"event_seq" bigint,
	"cell_id" uuid,
	"informational" boolean NOT NULL,
	"summary" text NOT NULL,
	"path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"mailed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "user_preferences" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"digest" text DEFAULT 'immediate' NOT NULL,
	"notify_informational" boolean DEFAULT false NOT NULL,
	"lang" text DEFAULT 'ja' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "user_preferences_digest_check" CHECK ("user_preferences"."digest" in ('immediate', 'hourly', 'daily', 'none')),
	CONSTRAINT "user_preferences_lang_check" CHECK ("user_preferences"."lang" in ('ja', 'en'))
);
--> statement-breakpoint
ALTER TABLE "engagements" ADD COLUMN "reminder_first_after_days" integer DEFAULT 5 NOT NULL;--> statement-breakpoint
ALTER TABLE "engagements" ADD COLUMN "reminder_every_days" integer DEFAULT 2 NOT NULL;--> statement-breakpoint
ALTER TABLE "engagements" ADD COLUMN "reminder_max_count" integer DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_engagement_id_engagements_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."engagements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_preferences" ADD CONSTRAINT "user_preferences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_user_source_key" ON "notifications" USING btree ("user_id","engagement_id","source_key");--> statement-breakpoint
CREATE INDEX "notifications_unmailed_idx" ON "notifications" USING btree ("user_id","mailed_at");--> statement-breakpoint
CREATE INDEX "notifications_engagement_id_idx" ON "notifications" USING btree ("engagement_id");