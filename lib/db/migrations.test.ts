import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDatabase, embeddedThreadOf, openDatabase } from '@/lib/db';
import { parseSettings } from '@/lib/settings';

const migrationsFolder = join(process.cwd(), 'drizzle');
let earlier: string;

/** drizzle/ as it was after its first `count` migrations. */
async function migrationsUpTo(count: number): Promise<string> {
  earlier = await mkdtemp(join(tmpdir(), 'cotech-migrations-'));
  await cp(migrationsFolder, earlier, { recursive: true });
  const journalPath = join(earlier, 'meta', '_journal.json');
  const journal = JSON.parse(await readFile(journalPath, 'utf8')) as { entries: unknown[] };
  journal.entries = journal.entries.slice(0, count);
  await writeFile(journalPath, JSON.stringify(journal));
  return earlier;
}

afterAll(async () => {
  if (earlier) await rm(earlier, { recursive: true, force: true });
});

describe('migration 0001 (keys per client, limits per scope)', () => {
  it('upgrades a database with data: rate-limit counters keep counting, unscoped keys are dropped', async () => {
    const client = await PGlite.create();
    try {
      const db = drizzle({ client });
      await migrate(db, { migrationsFolder: await migrationsUpTo(1) });
      await client.exec(`
        insert into rate_limits (client, window_start, hits) values ('192.0.2.1', '2026-01-01T10:10:00Z', 3);
        insert into idempotency_keys (key, response) values ('abc', '{"id": "x"}');
      `);
      await migrate(db, { migrationsFolder });
      const limits = await client.query<{ scope: string; client: string; hits: number; window_end: Date }>(
        'select scope, client, hits, window_end from rate_limits',
      );
      expect(limits.rows).toEqual([
        { scope: 'join', client: '192.0.2.1', hits: 3, window_end: new Date('2026-01-01T10:20:00Z') },
      ]);
      expect((await client.query('select * from idempotency_keys')).rows).toEqual([]);
    } finally {
      await client.close();
    }
  });
});

describe('the briefs migration (after 0001)', () => {
  it('keeps every join enquiry as a join enquiry with its status, and holds each kind to its own columns', async () => {
    const client = await PGlite.create();
    try {
      const db = drizzle({ client });
      await migrate(db, { migrationsFolder: await migrationsUpTo(2) });
      await client.exec(`
        insert into enquiries (coop_name, contact_name, email, location, legal_form, description, status)
        values ('Outlandish', 'Ada', 'ada@example.coop', 'London', 'partnership', 'Websites', 'proposed');
      `);
      await migrate(db, { migrationsFolder });
      const rows = await client.query<{ kind: string; status: string; coop_name: string }>(
        'select kind, status, coop_name from enquiries',
      );
      // Its status as the membership decision names it since 0016: proposed on Loomio is in discussion.
      expect(rows.rows).toEqual([{ kind: 'join', status: 'in-discussion', coop_name: 'Outlandish' }]);
      // A join enquiry still needs its co-op's name; a brief needs its own fields and takes only lead statuses.
      await expect(
        client.query(
          `insert into enquiries (reference, contact_name, email, location, legal_form, description) values ('J-3333', 'A', 'a@b.c', 'X', 'other', 'D')`,
        ),
      ).rejects.toThrow(/enquiries_join_check/);
      // Since 0012 every enquiry has a reference too.
      const brief = `insert into enquiries (reference, kind, organisation, contact_name, email, description, services,
        technologies, budget, timescale, remote, status) values ('B-4444', 'brief', 'Org', 'A', 'a@b.c', 'D',
        '{hosting}', '{}', 'not-sure', 'flexible', true, $1)`;
      await expect(client.query(brief, ['proposed'])).rejects.toThrow(/enquiries_status_check/);
      await client.query(brief, ['won']);
      await expect(client.query(`update enquiries set budget = null where kind = 'brief'`)).rejects.toThrow(
        /enquiries_brief_check/,
      );
    } finally {
      await client.close();
    }
  });
});

describe('the notes migration (0012)', () => {
  it('keeps each enquiry’s one note as the first of its thread, by whoever last changed it, when they did', async () => {
    const client = await PGlite.create();
    try {
      const db = drizzle({ client });
      await migrate(db, { migrationsFolder: await migrationsUpTo(12) });
      await client.exec(`
        insert into users (id, name, email, role) values ('mo', 'Mo', 'mo@example.coop', 'member');
        insert into enquiries (id, coop_name, contact_name, email, location, legal_form, description, note, updated_at)
        values ('00000000-0000-4000-8000-000000000001', 'A', 'Ada', 'a@b.c', 'X', 'other', 'D', 'Called them',
                '2026-02-01T00:00:00Z'),
               ('00000000-0000-4000-8000-000000000002', 'B', 'Bo', 'b@b.c', 'X', 'other', 'D', 'Old note',
                '2026-03-01T00:00:00Z'),
               ('00000000-0000-4000-8000-000000000003', 'C', 'Cy', 'c@b.c', 'X', 'other', 'D', '',
                '2026-03-01T00:00:00Z');
        insert into audit_events (at, actor_id, action, enquiry_id, "from", "to")
        values ('2026-01-10T00:00:00Z', 'mo', 'enquiry.note', '00000000-0000-4000-8000-000000000001', '', 'Called');
      `);
      await migrate(db, { migrationsFolder });
      const notes = await client.query<{ enquiry_id: string; author_id: string | null; at: Date; text: string }>(
        'select enquiry_id, author_id, at, text from enquiry_notes order by enquiry_id',
      );
      expect(notes.rows).toEqual([
        {
          enquiry_id: '00000000-0000-4000-8000-000000000001',
          author_id: 'mo',
          at: new Date('2026-01-10T00:00:00Z'),
          text: 'Called them',
        },
        {
          enquiry_id: '00000000-0000-4000-8000-000000000002',
          author_id: null,
          at: new Date('2026-03-01T00:00:00Z'),
          text: 'Old note',
        },
      ]);
      const columns = await client.query(
        `select column_name from information_schema.columns where table_name = 'enquiries' and column_name = 'note'`,
      );
      expect(columns.rows).toEqual([]);
    } finally {
      await client.close();
    }
  });
});

describe('the references migration (0014)', () => {
  it('numbers the enquiries already stored in the order they arrived, each with its kind’s letter', async () => {
    const client = await PGlite.create();
    try {
      const db = drizzle({ client });
      await migrate(db, { migrationsFolder: await migrationsUpTo(14) });
      await client.exec(`
        insert into enquiries (kind, organisation, contact_name, email, description, services, technologies, budget,
          timescale, remote, created_at) values ('brief', 'Org', 'A', 'a@b.c', 'D', '{hosting}', '{}', 'not-sure',
          'flexible', true, '2026-03-01T10:00:00Z');
        insert into enquiries (coop_name, contact_name, email, location, legal_form, description, created_at)
        values ('Outlandish', 'Ada', 'ada@example.coop', 'London', 'partnership', 'Websites', '2026-01-01T10:00:00Z');
      `);
      await client.exec(`insert into enquiries (coop_name, contact_name, email, location, legal_form, description,
        created_at) select 'Co-op ' || n, 'Ada', 'ada@example.coop', 'London', 'partnership', 'Websites',
        '2026-02-01T10:00:00Z'::timestamptz + make_interval(mins => n) from generate_series(1, 30) as n`);
      await migrate(db, { migrationsFolder });
      const rows = await client.query<{ kind: string; reference: string; coop_name: string | null }>(
        'select kind, reference, coop_name from enquiries order by created_at',
      );
      const references = rows.rows.map((row) => row.reference);
      expect(references.slice(0, 3)).toEqual(['J-2222', 'J-2223', 'J-2224']);
      // The 30th of the alphabet, then the next place: as digits are counted, in the reference alphabet.
      expect(references.slice(29, 32)).toEqual(['J-222Z', 'J-2232', 'B-2233']);
      expect(new Set(references).size).toBe(32);
      await expect(
        client.query(`update enquiries set reference = 'J-2222' where reference = 'J-2223'`),
      ).rejects.toThrow(/enquiries_reference_unique/);
    } finally {
      await client.close();
    }
  });
});

describe('the membership migration (0016)', () => {
  it('puts join enquiries contacted or proposed on Loomio in discussion, and leaves the rest as they were', async () => {
    const client = await PGlite.create();
    try {
      const db = drizzle({ client });
      await migrate(db, { migrationsFolder: await migrationsUpTo(16) });
      for (const [reference, status] of [
        ['J-2222', 'new'],
        ['J-2223', 'contacted'],
        ['J-2224', 'proposed'],
        ['J-2225', 'approved'],
        ['J-2226', 'declined'],
      ]) {
        await client.query(
          `insert into enquiries (reference, coop_name, contact_name, email, location, legal_form, description, status)
          values ($1, 'Co-op', 'Ada', 'ada@example.coop', 'London', 'partnership', 'Websites', $2)`,
          [reference, status],
        );
      }
      await migrate(db, { migrationsFolder });
      const rows = await client.query<{ reference: string; status: string }>(
        'select reference, status from enquiries order by reference',
      );
      expect(rows.rows.map((row) => row.status)).toEqual([
        'new',
        'in-discussion',
        'in-discussion',
        'approved',
        'declined',
      ]);
      await expect(client.query(`update enquiries set status = 'contacted'`)).rejects.toThrow(/enquiries_status_check/);
      await client.query(`update enquiries set status = 'withdrawn' where reference = 'J-2222'`);
    } finally {
      await client.close();
    }
  });
});

describe('a data directory the site made before its database had a thread of its own', () => {
  it('opens through the thread with its data, and earlier migrations are not run again', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'cotech-earlier-dir-'));
    try {
      // As the site opened it until then: PGlite on the server's own thread, migrated by drizzle's PGlite migrator,
      // up to the migration before the last.
      const journal = JSON.parse(await readFile(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
        entries: unknown[];
      };
      const client = await PGlite.create(dataDir);
      await migrate(drizzle({ client }), { migrationsFolder: await migrationsUpTo(journal.entries.length - 1) });
      await client.exec(`
        insert into enquiries (kind, reference, coop_name, contact_name, email, location, legal_form, description)
        values ('join', 'J-ABCD', 'Outlandish', 'Ada', 'ada@example.coop', 'London', 'partnership', 'Websites');
      `);
      await client.close();

      const db = await openDatabase(parseSettings({ DATA_DIR: dataDir }));
      try {
        expect(embeddedThreadOf(db)?.up).toBe(true);
        const { rows } = await db.execute<{ reference: string; migrations: number }>(
          sql`select reference, (select count(*)::int from drizzle.__drizzle_migrations) as migrations from enquiries`,
        );
        expect(rows).toEqual([{ reference: 'J-ABCD', migrations: journal.entries.length }]);
      } finally {
        await closeDatabase(db);
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
