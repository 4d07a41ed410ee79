import { isNotNull, sql } from 'drizzle-orm';
import { Client } from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase, type Database } from '@/lib/db';
import { parseSettings } from '@/lib/settings';
import { outbox, proposals } from '@/lib/db/schema';
import { createEnquiry } from '@/lib/enquiries/store';
import { joinKind } from '@/lib/enquiry-kinds';
import { deliverOutbox, type Mailer } from '@/lib/mail/outbox';
import { validEnquiry } from '@/test/enquiry-data';
import { outboxTestSettings } from '@/test/outbox-settings';
import { nestedLoopSettings } from '@/test/planner';
import { claimDueProposals } from './queue';

// The queues' claims on a PostgreSQL server: exactly their limit, from one connection and from several at once.
// A database of its own, whose every connection (the pool opens several) plans with the settings that made the
// proposals' claim take every due row, so the test sees that plan whatever the statistics say.
const serverUrl = process.env.TEST_DATABASE_URL ?? '';
const database = `cotech_claims_${process.pid}`;
let db: Database;

async function admin(statement: string) {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  await admin(`drop database if exists ${database}`);
  await admin(`create database ${database}`);
  for (const setting of nestedLoopSettings) await admin(`alter database ${database} set ${setting} = off`);
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  db = await openDatabase(parseSettings({ DATABASE_URL: url.href }));
});
afterAll(async () => {
  if (db) await closeDatabase(db);
  await admin(`drop database if exists ${database}`);
});
beforeEach(async () => {
  await db.execute(sql`truncate proposals, outbox, enquiries restart identity cascade`);
});

/** `count` due proposals from different co-ops, oldest first. */
async function queue(count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const [row] = await db
      .insert(proposals)
      .values({
        coop: `coop-${index}`,
        authorName: 'Ada',
        authorEmail: 'ada@example.coop',
        changes: { town: `Town ${index}` },
        createdAt: new Date(Date.UTC(2026, 0, 1, 0, index)),
      })
      .returning({ id: proposals.id });
    if (!row) throw new Error('not stored');
    ids.push(row.id);
  }
  return ids;
}

const claimedProposals = async () =>
  (await db.select({ id: proposals.id }).from(proposals).where(isNotNull(proposals.lockedUntil))).map(({ id }) => id);

describe('claiming on PostgreSQL', () => {
  it('plans the old claim as the nested loop that took every row', async () => {
    const plan = (await db.execute(
      sql`explain update proposals set locked_until = now() where id in (select id from proposals
          where status = 'queued' order by created_at limit 1 for update skip locked) and status = 'queued'`,
    )) as unknown as { rows: { 'QUERY PLAN': string }[] };
    const lines = plan.rows.map((row) => row['QUERY PLAN']).join('\n');
    expect(lines).toContain('Nested Loop Semi Join');
    expect(lines).not.toContain('Materialize');
  });

  it.each([2, 3])('claims exactly one of %i due proposals, oldest first', async (due) => {
    const ids = await queue(due);
    expect((await claimDueProposals(db, 600, 1)).map(({ id }) => id)).toEqual([ids[0]]);
    expect(await claimedProposals()).toEqual([ids[0]]);
    expect((await claimDueProposals(db, 600, 1)).map(({ id }) => id)).toEqual([ids[1]]);
  });

  it('gives workers claiming at once one proposal each, none twice', async () => {
    const ids = await queue(3);
    const claims = await Promise.all([1, 2, 3].map(() => claimDueProposals(db, 600, 1)));
    expect(claims.map((claim) => claim.length)).toEqual([1, 1, 1]);
    expect(claims.flatMap((claim) => claim.map(({ id }) => id)).sort()).toEqual([...ids].sort());
  });

  it.each([2, 3])('sends exactly one of %i due mails in a batch of one', async (due) => {
    for (let index = 0; index < due; index += 1) {
      await createEnquiry(db, joinKind, validEnquiry, { receiptHourlyLimit: 0 });
    }
    let sends = 0;
    const mailer: Mailer = {
      sendMail: async () => {
        sends += 1;
      },
    };
    expect(await deliverOutbox(db, mailer, outboxTestSettings, { batch: 1 })).toBe(1);
    expect(sends).toBe(1);
    const rows = await db.select().from(outbox).orderBy(outbox.id);
    expect(rows.map((row) => [row.sentAt !== null, row.lockedUntil])).toEqual(
      rows.map((_, index) => [index === 0, null]),
    );
  });
});
