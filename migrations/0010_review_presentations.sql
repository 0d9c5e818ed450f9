CREATE TABLE "review_presentations" (
	"engagement_id" uuid PRIMARY KEY NOT NULL,
	"presenter_user_id" uuid NOT NULL,
	"presenter_party_id" uuid,
	"cell_id" uuid NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "review_presentations_expiry_check" CHECK ("review_presentations"."expires_at" > "review_presentations"."updated_at")
);
--> statement-breakpoint
ALTER TABLE "review_presentations" ADD CONSTRAINT "review_presentations_engagement_id_engagements_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."engagements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_presentations" ADD CONSTRAINT "review_presentations_presenter_user_id_users_id_fk" FOREIGN KEY ("presenter_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_presentations" ADD CONSTRAINT "review_presentations_presenter_party_id_parties_id_fk" FOREIGN KEY ("presenter_party_id") REFERENCES "public"."parties"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_presentations" ADD CONSTRAINT "review_presentations_cell_id_cells_id_fk" FOREIGN KEY ("cell_id") REFERENCES "public"."cells"("id") ON DELETE cascade ON UPDATE no action;