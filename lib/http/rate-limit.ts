import 'server-only';
import { sql } from 'drizzle-orm';
import type { Database } from '@/lib/db';
import { rateLimits, type LimitScope } from '@/lib/db/schema';

export type RateLimit = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Counts one hit for `client` in `scope`'s current fixed window and says whether it is within `limit`. The
 * counter is a row upserted in the database, so every instance of the site counts against the same limit.
 */
export async function takeRateLimit(
  db: Database,
  scope: LimitScope,
  client: string,
  limit: number,
  windowSeconds: number,
): Promise<RateLimit> {
  const windowStart = sql`to_timestamp(floor(extract(epoch from now()) / ${windowSeconds}) * ${windowSeconds})`;
  const windowEnd = sql`to_timestamp((floor(extract(epoch from now()) / ${windowSeconds}) + 1) * ${windowSeconds})`;
  const [row] = await db
    .insert(rateLimits)
    .values({ scope, client, windowStart, windowEnd, hits: 1 })
    .onConflictDoUpdate({
      target: [rateLimits.scope, rateLimits.client, rateLimits.windowStart],
      set: { hits: sql`${rateLimits.hits} + 1` },
    })
    .returning({
      hits: rateLimits.hits,
      retryAfter: sql<number>`ceil(extract(epoch from ${rateLimits.windowEnd} - now()))::int`,
    });
  if (!row || row.hits <= limit) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.max(1, row.retryAfter) };
}
