CREATE INDEX "review_presentations_presenter_user_id_idx" ON "review_presentations" USING btree ("presenter_user_id");--> statement-breakpoint
CREATE INDEX "review_presentations_presenter_party_id_idx" ON "review_presentations" USING btree ("presenter_party_id");--> statement-breakpoint
CREATE INDEX "review_presentations_cell_id_idx" ON "review_presentations" USING btree ("cell_id");--> statement-breakpoint
CREATE INDEX "account_events_actor_user_id_idx" ON "account_events" USING btree ("actor_user_id");--> statement-breakpoint
CREATE INDEX "account_events_subject_user_id_idx" ON "account_events" USING btree ("subject_user_id");--> statement-breakpoint
CREATE INDEX "member_invitations_accepted_user_id_idx" ON "member_invitations" USING btree ("accepted_user_id");--> statement-breakpoint
CREATE INDEX "member_invitations_created_by_user_id_idx" ON "member_invitations" USING btree ("created_by_user_id");