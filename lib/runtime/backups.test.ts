import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { closeDatabase, openDatabase, type Database } from '@/lib/db';
import { parseSettings } from '@/lib/settings';
import { backUpTo, tarEntries } from '@/lib/db/backup';
import { joinKind } from '@/lib/enquiry-kinds';
import { createEnquiry } from '@/lib/enquiries/store';
import { validEnquiry } from '@/test/enquiry-data';
import { backupFileName, backupStatus, backupTransaction, scheduleBackups } from './backups';

const work = mkdtempSync(join(tmpdir(), 'cotech-backups-'));
const dataDir = join(work, 'data');
let db: Database;

beforeAll(async () => {
  db = await openDatabase(parseSettings({ DATA_DIR: dataDir }));
  await createEnquiry(db, joinKind, validEnquiry, { receiptHourlyLimit: 30 });
});
afterAll(async () => {
  await closeDatabase(db);
  rmSync(work, { recursive: true, force: true });
});

const until = async (check: () => boolean, what: string) => {
  const deadline = Date.now() + 30_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

describe('scheduled backups (BACKUP_DIR)', () => {
  it('are written every interval and at shutdown, named by UTC time, keeping the newest few', async () => {
    const dir = join(work, 'backups');
    // Backups from an earlier run, long overdue: the first is due at once, and these are rotated away.
    const old = [new Date('2026-01-01T00:00:00Z'), new Date('2026-01-02T00:00:00Z')].map(backupFileName);
    mkdirSync(dir);
    for (const name of old) writeFileSync(join(dir, name), 'an old backup');
    writeFileSync(join(dir, 'notes.txt'), 'not a backup: left alone');
    expect(backupStatus(Date.parse('2026-01-02T00:00:00Z') + 1000)).toBeUndefined();

    // The proposals worker's clone shares the data directory, but is not the database.
    mkdirSync(join(dataDir, 'proposals', 'clone'), { recursive: true });
    writeFileSync(join(dataDir, 'proposals', 'clone', 'README'), 'a working clone');

    const intervalMs = 1_000;
    const taken: string[] = [];
    const schedule = scheduleBackups({
      dir,
      intervalMs,
      keep: 2,
      backUp: async (file) => {
        taken.push(file);
        return backUpTo(backupTransaction(db), dataDir, file);
      },
    });
    // Read from the newest backup already there, before any is taken: long ago, so overdue (still a report).
    expect(backupStatus()).toMatchObject({ last: '2026-01-02T00:00:00.000Z', overdue: true });
    await until(() => taken.length >= 2, 'two scheduled backups');
    await schedule.stop();
    expect(taken.length).toBeGreaterThanOrEqual(3); // and one at shutdown

    const names = readdirSync(dir).sort();
    const kept = taken.slice(-2).map((file) => file.slice(dir.length + 1));
    expect(names).toEqual([...kept, 'notes.txt']);
    for (const name of kept) {
      expect(name).toMatch(/^cotech-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.\d{3}Z\.tar\.gz$/);
      expect(statSync(join(dir, name)).mode & 0o777).toBe(0o600);
      const entries = tarEntries(gunzipSync(readFileSync(join(dir, name)))).map((entry) => entry.name);
      expect(entries).toContain('PG_VERSION');
      expect(entries.filter((entry) => entry.startsWith('proposals'))).toEqual([]);
    }
    // Names sort as the backups were taken, and readiness reports the last one, a moment old.
    expect(kept[0]! < kept[1]!).toBe(true);
    const last = backupStatus()?.last ?? '';
    expect(backupFileName(new Date(last))).toBe(kept[1]);
    expect(backupStatus(Date.parse(last) + 1_500)).toEqual({ last, ageSeconds: 2, overdue: false });
    expect(backupStatus(Date.parse(last) + 2 * intervalMs + 1)?.overdue).toBe(true);
  });

  it('log a failure in one line, keep the site up, and try again at the next interval', async () => {
    const blocker = join(work, 'not-a-directory');
    writeFileSync(blocker, 'a file where BACKUP_DIR would go');
    const dir = join(blocker, 'backups');
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const schedule = scheduleBackups({
      dir,
      intervalMs: 300,
      keep: 3,
      backUp: (file) => backUpTo(backupTransaction(db), dataDir, file),
    });
    try {
      const failed = /^backup: .*\/not-a-directory\/backups\/cotech-.*\.tar\.gz failed, to be tried again in /;
      const lines = () => errors.mock.calls.map((call) => String(call[0]));
      await until(() => lines().some((line) => failed.test(line)), 'a failure to be logged');
      for (const line of lines()) expect(line).not.toContain('\n');
      expect(backupStatus()).toMatchObject({ last: null, ageSeconds: null });

      rmSync(blocker);
      await until(() => existsSync(dir) && readdirSync(dir).length === 1, 'the next backup to succeed');
    } finally {
      await schedule.stop();
      errors.mockRestore();
    }
    expect(backupStatus()?.last).not.toBeNull();
  });
});
