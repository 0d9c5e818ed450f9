ALTER TABLE "cells" ADD COLUMN "due_on" date;--> statement-breakpoint
ALTER TABLE "cells" ADD COLUMN "completion_due_on" date;