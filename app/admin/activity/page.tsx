import type { Metadata } from 'next';
import { History } from '@/components/admin/history';
import { requireAdmin } from '@/lib/admin/require-member';
import { recentActivity } from '@/lib/audit';
import { getDb } from '@/lib/db';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Recent activity', robots: { index: false } };

export default async function ActivityPage() {
  await requireAdmin();
  const entries = await recentActivity(await getDb());
  return (
    <div className="mx-auto max-w-prose space-y-6">
      <h1 className="text-3xl font-bold">Recent activity</h1>
      <p>Every triage change and account change, newest first (the last 200).</p>
      <History entries={entries} linkEnquiries />
    </div>
  );
}
