import { readdir, readFile, rm, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPerson } from '@/lib/auth/accounts';
import { closeDatabase, openDatabase, type Database } from '@/lib/db';
import { parseSettings } from '@/lib/settings';
import { joinKind } from '@/lib/enquiry-kinds';
import { validEnquiry } from '@/test/enquiry-data';
import { eraseEnquiry } from './erasure';
import { createEnquiry } from './store';

// Erasure on embedded PGlite with its data directory on disk, as `npm start` keeps it (and `npm run db:backup`
// copies it): once erased, a value is in none of the directory's files, neither the tables' pages nor the WAL.
// PGlite only: a PostgreSQL server's files are its operator's (docs/database.md, Personal data).

const phone = '+44 7700 900461';
const description = 'A distinctive description, 4c1f0a7e, that must not outlive its erasure.';
let dataDir: string;
let db: Database | undefined;

async function filesHolding(directory: string, value: string): Promise<string[]> {
  const needle = Buffer.from(value);
  const entries = await readdir(directory, { recursive: true, withFileTypes: true });
  const holding: string[] = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    if ((await readFile(path)).includes(needle)) holding.push(path.slice(directory.length + 1));
  }
  return holding;
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'cotech-erasure-'));
});
afterAll(async () => {
  if (db) await closeDatabase(db);
  await rm(dataDir, { recursive: true, force: true });
});

describe('erasure on the embedded database', () => {
  it('leaves the erased values in none of the data directory’s files', async () => {
    db = await openDatabase(parseSettings({ DATA_DIR: dataDir }));
    const admin = await addPerson(db, { name: 'Ada Admin', email: 'admin@example.net', role: 'admin' }, null);
    if (!admin) throw new Error('not added');
    const stored = await createEnquiry(
      db,
      joinKind,
      { ...validEnquiry, phone, description },
      { receiptHourlyLimit: 30 },
    );
    if (stored.outcome !== 'stored') throw new Error(`not stored: ${stored.outcome}`);
    await db.execute('checkpoint');
    // Written out before erasure, as on any site that has run for a while: the test would prove nothing otherwise.
    expect(await filesHolding(dataDir, phone)).not.toEqual([]);

    expect(await eraseEnquiry(db, stored.id, admin.id)).toBe(true);
    await closeDatabase(db);
    db = undefined;
    expect(await filesHolding(dataDir, phone)).toEqual([]);
    expect(await filesHolding(dataDir, description)).toEqual([]);
  });
});
