CREATE TABLE "coop_people" (
	"user_id" text NOT NULL,
	"coop" text NOT NULL,
	"linked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "coop_people_user_id_coop_pk" PRIMARY KEY("user_id","coop")
);
--> statement-breakpoint
CREATE TABLE "link_checks" (
	"url" text PRIMARY KEY NOT NULL,
	"status" integer,
	"final_url" text,
	"error" text,
	"broken_runs" integer DEFAULT 0 NOT NULL,
	"checked_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"coop" text NOT NULL,
	"user_id" text,
	"author_name" text NOT NULL,
	"author_email" text NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"changes" jsonb NOT NULL,
	"logo_name" text,
	"logo_data" text,
	"status" text DEFAULT 'queued' NOT NULL,
	"branch" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"pushed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "review_reminders" (
	"coop" text PRIMARY KEY NOT NULL,
	"sent_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "outbox" DROP CONSTRAINT "outbox_subject_check";--> statement-breakpoint
ALTER TABLE "outbox" DROP CONSTRAINT "outbox_coop_check";--> statement-breakpoint
ALTER TABLE "users" DROP CONSTRAINT "users_role_check";--> statement-breakpoint
ALTER TABLE "coop_people" ADD CONSTRAINT "coop_people_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "coop_people_coop_idx" ON "coop_people" USING btree ("coop");--> statement-breakpoint
CREATE INDEX "proposals_coop_idx" ON "proposals" USING btree ("coop","created_at");--> statement-breakpoint
CREATE INDEX "proposals_due_idx" ON "proposals" USING btree ("next_attempt_at") WHERE "proposals"."status" = 'queued';--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_subject_check" CHECK (("outbox"."kind" in ('sign-in', 'review') and "outbox"."user_id" is not null and "outbox"."enquiry_id" is null) or ("outbox"."kind" not in ('sign-in', 'review') and "outbox"."enquiry_id" is not null));--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_coop_check" CHECK (("outbox"."kind" in ('forward', 'review')) = ("outbox"."coop_slug" is not null));--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_role_check" CHECK ("users"."role" in ('contact', 'member', 'admin'));