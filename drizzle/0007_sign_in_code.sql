ALTER TABLE "outbox" ADD COLUMN "code" text;--> statement-breakpoint
-- Sessions no longer keep the browser's user agent (lib/auth/server.ts); forget what the ones still open hold.
UPDATE "sessions" SET "user_agent" = NULL;
