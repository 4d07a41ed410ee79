import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '@/lib/db';
import { coopConfirmations } from '@/lib/db/schema';
import { startGitServer, type GitServer } from '@/test/git-server';
import { batchBranch, pushConfirmationBatch } from './batch';
import { workerSettings } from '@/test/proposal-settings';

let server: GitServer;
let scratch: string;

beforeAll(async () => {
  await closeDb();
  server = await startGitServer({ coops: ['agile-collective', 'autonomic', 'outlandish'] });
  scratch = await mkdtemp(join(tmpdir(), 'cotech-batch-test-'));
});
afterAll(async () => {
  await server?.close();
  await rm(scratch, { recursive: true, force: true });
  await closeDb();
});
beforeEach(async () => {
  await (await getDb()).execute(sql`truncate coop_confirmations`);
});

const settings = () => workerSettings(scratch, server.fileUrl);

const confirm = (coop: string, name: string, at: string) =>
  ({ coop, name, at: new Date(at) }) satisfies typeof coopConfirmations.$inferInsert;

describe('the monthly batch of confirmations', () => {
  it('sends last month’s confirmations as one branch with one merge request, only the confirmed: lines changing', async () => {
    const db = await getDb();
    const now = new Date('2026-12-05T09:00:00Z');
    await db.insert(coopConfirmations).values([
      confirm('autonomic', 'Ada', '2026-11-02T10:00:00Z'),
      confirm('agile-collective', 'Cleo', '2026-11-10T10:00:00Z'),
      confirm('autonomic', 'Bo', '2026-11-20T10:00:00Z'),
      // Its deployed entry says as much already: left out.
      confirm('outlandish', 'Di', '2026-11-21T10:00:00Z'),
      // This month's: next month's batch.
      confirm('agile-collective', 'Cleo', '2026-12-03T10:00:00Z'),
    ]);
    const deployed = (coop: string) =>
      coop === 'outlandish' ? { confirmed: '2026-11-25' } : { confirmed: '2024-01-01' };
    const config = await settings();
    const batch = await pushConfirmationBatch(db, config, deployed, now);
    expect(batch).toEqual({
      branch: 'confirmations/2026-11',
      coops: ['agile-collective', 'autonomic'],
      mergeRequest: true,
    });
    expect(batchBranch(now)).toBe('confirmations/2026-11');

    const diff = await server.git(['diff', '--unified=0', 'main', 'confirmations/2026-11']);
    const changed = diff.split('\n').filter((line) => /^[-+](?![-+]{2} )/.test(line));
    expect(changed.filter((line) => line.startsWith('+'))).toEqual([
      '+confirmed: 2026-11-10',
      '+confirmed: 2026-11-20',
    ]);
    expect(changed.filter((line) => line.startsWith('-')).every((line) => line.startsWith('-confirmed: '))).toBe(true);
    const [push, ...more] = (await server.pushes()).filter((one) =>
      one.refs.some((ref) => ref.ref === 'refs/heads/confirmations/2026-11'),
    );
    expect(more).toEqual([]);
    expect(push?.options.slice(0, 3)).toEqual([
      'merge_request.create',
      'merge_request.target=main',
      'merge_request.title=Confirmations of 2 co-op entries (2026-11)',
    ]);
    expect(push?.options[3]).toContain('autonomic: still correct, said Bo on 2026-11-20');

    // What it carried is sent; this month's waits. Again this month, nothing more is pushed.
    const unsent = await db.select().from(coopConfirmations).where(isNull(coopConfirmations.sentAt));
    expect(unsent.map(({ coop, name }) => [coop, name])).toEqual([['agile-collective', 'Cleo']]);
    await db.insert(coopConfirmations).values(confirm('autonomic', 'Ada', '2026-11-30T10:00:00Z'));
    expect(await pushConfirmationBatch(db, config, deployed, new Date('2026-12-20T09:00:00Z'))).toBeUndefined();
    expect((await server.branches()).filter((branch) => branch.startsWith('confirmations/'))).toEqual([
      'confirmations/2026-11',
    ]);
  });

  it('sends nothing when nothing from before this month waits', async () => {
    const db = await getDb();
    await db.insert(coopConfirmations).values(confirm('autonomic', 'Ada', '2027-01-03T10:00:00Z'));
    expect(await pushConfirmationBatch(db, await settings(), () => undefined, new Date('2027-01-10T00:00:00Z'))).toBe(
      undefined,
    );
  });
});
