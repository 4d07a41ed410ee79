-- Written by drizzle-kit, then edited so existing enquiries get references: the column is added empty, filled,
-- then required. Existing enquiries are numbered in the order they arrived, written in the reference alphabet of
-- lib/enquiries/reference.ts (23456789ABCDEFGHJKMNPQRSTVWXYZ), four characters after the kind's letter: unique
-- without drawing, and new references, drawn at random, are drawn again if they meet one of these.
ALTER TABLE "enquiries" ADD COLUMN "reference" text;--> statement-breakpoint
UPDATE "enquiries" SET "reference" = numbered."reference" FROM (
  SELECT "id", (CASE "kind" WHEN 'join' THEN 'J' WHEN 'brief' THEN 'B' ELSE upper(left("kind", 1)) END) || '-' ||
    substr('23456789ABCDEFGHJKMNPQRSTVWXYZ', (n / 27000) % 30 + 1, 1) ||
    substr('23456789ABCDEFGHJKMNPQRSTVWXYZ', (n / 900) % 30 + 1, 1) ||
    substr('23456789ABCDEFGHJKMNPQRSTVWXYZ', (n / 30) % 30 + 1, 1) ||
    substr('23456789ABCDEFGHJKMNPQRSTVWXYZ', n % 30 + 1, 1) AS "reference"
  FROM (SELECT "id", "kind", (row_number() OVER (ORDER BY "created_at", "id") - 1)::int AS n FROM "enquiries") AS ordered
) AS numbered WHERE "enquiries"."id" = numbered."id";--> statement-breakpoint
ALTER TABLE "enquiries" ALTER COLUMN "reference" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "enquiries" ADD CONSTRAINT "enquiries_reference_unique" UNIQUE("reference");
