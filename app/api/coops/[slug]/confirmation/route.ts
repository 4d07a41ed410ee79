import { directory } from '@/lib/coops';
import { lastConfirmedDay, latestConfirmations } from '@/lib/coops/confirmations';
import { getDb } from '@/lib/db';
import { withDatabase } from '@/lib/http/database-unavailable';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ slug: string }> };

/**
 * When a co-op's entry was last confirmed, all told: the later of its `confirmed:` line and the site's record of
 * "Still correct" (YYYY-MM-DD, or null). The co-op's page is prerendered; its `<coop-confirmation>` element asks
 * here, so a confirmation shows on the page at once, long before it reaches the entry. Public: the page shows it.
 */
export const GET = withDatabase('coop confirmation', async (_request: Request, { params }: Context) => {
  const { slug } = await params;
  const coop = directory.getCoop(slug);
  if (!coop)
    return Response.json({ error: 'No such co-op' }, { status: 404, headers: { 'cache-control': 'no-store' } });
  const recorded = (await latestConfirmations(await getDb(), [slug])).get(slug);
  return Response.json(
    { confirmed: lastConfirmedDay(coop, recorded) ?? null },
    { headers: { 'cache-control': 'no-store' } },
  );
});
