CREATE TABLE "enquiry_notes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"enquiry_id" uuid NOT NULL,
	"author_id" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"text" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "outbox" DROP CONSTRAINT "outbox_subject_check";--> statement-breakpoint
ALTER TABLE "enquiry_notes" ADD CONSTRAINT "enquiry_notes_enquiry_id_enquiries_id_fk" FOREIGN KEY ("enquiry_id") REFERENCES "public"."enquiries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enquiry_notes" ADD CONSTRAINT "enquiry_notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "enquiry_notes_enquiry_id_idx" ON "enquiry_notes" USING btree ("enquiry_id","at");--> statement-breakpoint
-- Each enquiry's one note becomes the first of its thread, by whoever last changed it, when they did.
INSERT INTO "enquiry_notes" ("enquiry_id", "author_id", "at", "text")
SELECT "e"."id", "last"."actor_id", coalesce("last"."at", "e"."updated_at"), "e"."note"
FROM "enquiries" "e"
LEFT JOIN LATERAL (
	SELECT "a"."actor_id", "a"."at" FROM "audit_events" "a"
	WHERE "a"."enquiry_id" = "e"."id" AND "a"."action" = 'enquiry.note'
	ORDER BY "a"."at" DESC, "a"."id" DESC LIMIT 1
) "last" ON true
WHERE "e"."note" <> '';--> statement-breakpoint
ALTER TABLE "enquiries" DROP COLUMN "note";--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_subject_check" CHECK (("outbox"."kind" in ('sign-in', 'review', 'invitation') and "outbox"."user_id" is not null and "outbox"."enquiry_id" is null) or ("outbox"."kind" not in ('sign-in', 'review', 'invitation') and "outbox"."enquiry_id" is not null));