CREATE TABLE "coop_confirmations" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"coop" text NOT NULL,
	"user_id" text,
	"name" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "proposals" ADD COLUMN "merged_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "proposals" ADD COLUMN "published_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "proposals" ADD COLUMN "closed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "coop_confirmations" ADD CONSTRAINT "coop_confirmations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "coop_confirmations_coop_idx" ON "coop_confirmations" USING btree ("coop","at");