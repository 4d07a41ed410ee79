ALTER TABLE "enquiries" DROP CONSTRAINT "enquiries_status_check";--> statement-breakpoint
ALTER TABLE "enquiries" ALTER COLUMN "coop_name" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "enquiries" ALTER COLUMN "location" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "enquiries" ALTER COLUMN "legal_form" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "enquiries" ADD COLUMN "kind" text DEFAULT 'join' NOT NULL;--> statement-breakpoint
ALTER TABLE "enquiries" ADD COLUMN "organisation" text;--> statement-breakpoint
ALTER TABLE "enquiries" ADD COLUMN "services" text[];--> statement-breakpoint
ALTER TABLE "enquiries" ADD COLUMN "technologies" text[];--> statement-breakpoint
ALTER TABLE "enquiries" ADD COLUMN "budget" text;--> statement-breakpoint
ALTER TABLE "enquiries" ADD COLUMN "timescale" text;--> statement-breakpoint
ALTER TABLE "enquiries" ADD COLUMN "remote" boolean;--> statement-breakpoint
ALTER TABLE "enquiries" ADD CONSTRAINT "enquiries_kind_check" CHECK ("enquiries"."kind" in ('join', 'brief'));--> statement-breakpoint
ALTER TABLE "enquiries" ADD CONSTRAINT "enquiries_join_check" CHECK ("enquiries"."kind" <> 'join' or ("enquiries"."coop_name" is not null and "enquiries"."legal_form" is not null and "enquiries"."location" is not null));--> statement-breakpoint
ALTER TABLE "enquiries" ADD CONSTRAINT "enquiries_brief_check" CHECK ("enquiries"."kind" <> 'brief' or ("enquiries"."organisation" is not null and "enquiries"."services" is not null and "enquiries"."technologies" is not null and "enquiries"."budget" is not null and "enquiries"."timescale" is not null and "enquiries"."remote" is not null));--> statement-breakpoint
ALTER TABLE "enquiries" ADD CONSTRAINT "enquiries_status_check" CHECK (("enquiries"."kind" = 'join' and "enquiries"."status" in ('new', 'contacted', 'proposed', 'approved', 'declined')) or ("enquiries"."kind" = 'brief' and "enquiries"."status" in ('new', 'forwarded', 'in-conversation', 'won', 'lost', 'closed')));