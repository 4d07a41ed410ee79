import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '@/lib/db';
import { proposals } from '@/lib/db/schema';
import { startGitServer, type GitServer } from '@/test/git-server';
import { branchName } from './change';
import { fileRecord, reviewProposals, saysWhatItAsks, type EntryRecord } from './review';
import { deliverProposals } from './worker';
import { workerSettings } from '@/test/proposal-settings';

let server: GitServer;
let scratch: string;
const autonomic = fileRecord(readFileSync('content/coops/autonomic.md', 'utf8'));

beforeAll(async () => {
  await closeDb();
  server = await startGitServer({ coops: ['autonomic'] });
  scratch = await mkdtemp(join(tmpdir(), 'cotech-review-test-'));
});
afterAll(async () => {
  await server?.close();
  await rm(scratch, { recursive: true, force: true });
  await closeDb();
});
beforeEach(async () => {
  await (await getDb()).execute(sql`truncate proposals cascade`);
});

const settings = () => workerSettings(scratch, server.fileUrl);

async function pushed(changes: Record<string, unknown>) {
  const db = await getDb();
  const [row] = await db
    .insert(proposals)
    .values({ coop: 'autonomic', authorName: 'Ada', authorEmail: 'ada@example.coop', changes })
    .returning();
  if (!row) throw new Error('not stored');
  return row;
}

const state = async (id: string) => {
  const [row] = await (await getDb()).select().from(proposals).where(eq(proposals.id, id));
  return { status: row?.status, merged: row?.mergedAt instanceof Date, closed: row?.closedAt instanceof Date };
};

describe('saysWhatItAsks', () => {
  const entry: EntryRecord = {
    website: 'https://a.example/',
    services: ['hosting', 'development'],
    workerMembers: 5,
    description: 'We host.',
    logo: '/images/coops/a.svg',
    confirmed: '2026-05-01',
  };
  const asks = (changes: Record<string, unknown>, logoName: string | null = null) =>
    saysWhatItAsks(entry, { changes, logoName });

  it('takes every changed field, lists in any order, and a removal as the field being absent', () => {
    expect(asks({ website: 'https://a.example/', services: ['development', 'hosting'], confirmed: '2026-06-01' })).toBe(
      true,
    );
    expect(asks({ workerMembers: 5, description: ' We host.\n', town: null, showEmail: false })).toBe(true);
    expect(asks({ website: 'https://b.example/' })).toBe(false);
    expect(asks({ services: ['hosting'] })).toBe(false);
    expect(asks({ town: 'Leeds' })).toBe(false);
    expect(asks({}, 'a.svg')).toBe(true);
    expect(asks({}, 'a.png')).toBe(false);
  });

  it('takes a confirmation alone as said by a date as late or later', () => {
    expect(asks({ confirmed: '2026-05-01' })).toBe(true);
    expect(asks({ confirmed: '2026-04-01' })).toBe(true);
    expect(asks({ confirmed: '2026-05-02' })).toBe(false);
  });
});

describe('reviewProposals', () => {
  it('finds a merged branch merged, then published once the site’s content says it, and a closed one not accepted', async () => {
    const db = await getDb();
    const config = await settings();
    const merged = await pushed({ website: 'https://autonomic.example/', confirmed: '2026-12-01' });
    const closed = await pushed({ town: 'Nowhere', confirmed: '2026-12-01' });
    const open = await pushed({ workerMembers: 99, confirmed: '2026-12-01' });
    expect(await deliverProposals(db, config)).toBe(3);
    const deployed = { current: autonomic };
    const review = () => reviewProposals(db, config, (coop) => (coop === 'autonomic' ? deployed.current : undefined));

    // All three still open: their branches are there, and the site's content says none of them.
    expect(await review()).toEqual({ published: [], merged: [], notAccepted: [] });

    // An editor merges one (GitLab deletes its branch) and closes another, deleting its branch.
    await server.git(['update-ref', 'refs/heads/main', `refs/heads/${branchName(merged)}`]);
    await server.git(['update-ref', '-d', `refs/heads/${branchName(merged)}`]);
    await server.git(['update-ref', '-d', `refs/heads/${branchName(closed)}`]);
    expect(await review()).toEqual({ published: [], merged: [merged.id], notAccepted: [closed.id] });
    expect(await state(merged.id)).toEqual({ status: 'pushed', merged: true, closed: false });
    expect(await state(closed.id)).toEqual({ status: 'not-accepted', merged: false, closed: true });
    expect(await state(open.id)).toEqual({ status: 'pushed', merged: false, closed: false });

    // The site is rebuilt from the new main: the merged one is published, by the site's own reading of its content.
    deployed.current = fileRecord(await server.git(['show', 'main:content/coops/autonomic.md']));
    expect(await review()).toEqual({ published: [merged.id], merged: [], notAccepted: [] });
    expect(await state(merged.id)).toEqual({ status: 'published', merged: true, closed: false });
    expect(await state(open.id)).toEqual({ status: 'pushed', merged: false, closed: false });
  });

  it('leaves a proposal sent to another repository as sent: its branch missing here says nothing of it', async () => {
    const db = await getDb();
    const config = await settings();
    const earlier = await pushed({ town: 'Elsewhere', confirmed: '2026-12-01' });
    expect(await deliverProposals(db, config)).toBe(1);
    const [row] = await db.select().from(proposals).where(eq(proposals.id, earlier.id));
    expect(row?.pushedTo).toBe(server.fileUrl);

    // CONTENT_GIT_URL moves to another repository, which has never had the branch.
    const other = await startGitServer({ coops: ['autonomic'] });
    try {
      const moved = { ...config, address: other.fileUrl };
      expect(await reviewProposals(db, moved, () => autonomic)).toEqual({ published: [], merged: [], notAccepted: [] });
      expect(await state(earlier.id)).toEqual({ status: 'pushed', merged: false, closed: false });
      // Back on the repository it went to, its branch deleted by an editor: not accepted, as before.
      await server.git(['update-ref', '-d', `refs/heads/${branchName(earlier)}`]);
      expect(await reviewProposals(db, config, () => autonomic)).toEqual({
        published: [],
        merged: [],
        notAccepted: [earlier.id],
      });
    } finally {
      await other.close();
    }
  });
});
