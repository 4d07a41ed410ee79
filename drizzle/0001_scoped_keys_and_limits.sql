-- Keys stored before keys belonged to their client cannot be given one, nor a digest: they are dropped, so a
-- retry that straddles this upgrade is stored as a new enquiry.
DELETE FROM "idempotency_keys";--> statement-breakpoint
ALTER TABLE "idempotency_keys" DROP CONSTRAINT "idempotency_keys_pkey";--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD COLUMN "client" text NOT NULL;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD COLUMN "body_hash" text NOT NULL;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_client_key_pk" PRIMARY KEY("client","key");--> statement-breakpoint
-- The counters already stored are the join limit's, in windows of 10 minutes: they keep counting.
ALTER TABLE "rate_limits" DROP CONSTRAINT "rate_limits_client_window_start_pk";--> statement-breakpoint
ALTER TABLE "rate_limits" ADD COLUMN "scope" text DEFAULT 'join' NOT NULL;--> statement-breakpoint
ALTER TABLE "rate_limits" ALTER COLUMN "scope" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "rate_limits" ADD COLUMN "window_end" timestamp with time zone;--> statement-breakpoint
UPDATE "rate_limits" SET "window_end" = "window_start" + interval '10 minutes';--> statement-breakpoint
ALTER TABLE "rate_limits" ALTER COLUMN "window_end" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "rate_limits" ADD CONSTRAINT "rate_limits_scope_client_window_start_pk" PRIMARY KEY("scope","client","window_start");
