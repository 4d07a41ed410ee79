CREATE TABLE "coop_departures" (
	"proposal_id" uuid PRIMARY KEY NOT NULL,
	"coop" text NOT NULL,
	"actor_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"unlinked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "membership_decisions" (
	"enquiry_id" uuid PRIMARY KEY NOT NULL,
	"loomio_url" text,
	"slug" text,
	"proposal_id" uuid,
	"contact_id" text,
	"welcomed_at" timestamp with time zone,
	"reply" text,
	"replied_at" timestamp with time zone,
	"last_error" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "membership_decisions_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
ALTER TABLE "enquiries" DROP CONSTRAINT "enquiries_status_check";--> statement-breakpoint
-- A join enquiry contacted or proposed on Loomio is in discussion: the membership decision's one status for both.
UPDATE "enquiries" SET "status" = 'in-discussion' WHERE "kind" = 'join' AND "status" IN ('contacted', 'proposed');--> statement-breakpoint
ALTER TABLE "proposals" ADD COLUMN "creates" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "coop_departures" ADD CONSTRAINT "coop_departures_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coop_departures" ADD CONSTRAINT "coop_departures_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_decisions" ADD CONSTRAINT "membership_decisions_enquiry_id_enquiries_id_fk" FOREIGN KEY ("enquiry_id") REFERENCES "public"."enquiries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_decisions" ADD CONSTRAINT "membership_decisions_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_decisions" ADD CONSTRAINT "membership_decisions_contact_id_users_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enquiries" ADD CONSTRAINT "enquiries_status_check" CHECK (("enquiries"."kind" = 'join' and "enquiries"."status" in ('new', 'in-discussion', 'approved', 'declined', 'withdrawn')) or ("enquiries"."kind" = 'brief' and "enquiries"."status" in ('new', 'forwarded', 'in-conversation', 'won', 'lost', 'closed')));