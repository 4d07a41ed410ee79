import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import type { PGlite } from '@electric-sql/pglite';
import { closeDatabase, openDatabase } from '@/lib/db';
import { backupSocketPath, backUpTo, serveBackups, tarEntries } from '@/lib/db/backup';
import { lockFileName } from '@/lib/db/data-dir-lock';
import { joinKind } from '@/lib/enquiry-kinds';
import { createEnquiry, getEnquiry } from '@/lib/enquiries/store';
import { validEnquiry } from '@/test/enquiry-data';
import { backupDataDir, restoreDataDir } from './db-archive.ts';

const work = mkdtempSync(join(tmpdir(), 'cotech-archive-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('backing up and restoring the embedded database', () => {
  it('restores every enquiry, and refuses while a server holds the directory or into one that is in use', async () => {
    const dataDir = join(work, 'data');
    const db = await openDatabase({ DATA_DIR: dataDir });
    const stored = await createEnquiry(db, joinKind, validEnquiry, { receiptHourlyLimit: 30 });
    if (stored.outcome === 'conflict') throw new Error('the enquiry was not stored');
    const { id } = stored;
    const backup = join(work, 'cotech.tar.gz');
    // The database is open, as in a running server, but nothing takes backup requests: no copy of a directory that
    // is being written.
    await expect(backupDataDir(dataDir, backup)).rejects.toThrow(
      `${dataDir} is in use by process ${process.pid}, which takes no backup requests`,
    );
    expect(existsSync(backup)).toBe(false);
    await closeDatabase(db);

    expect(await backupDataDir(dataDir, backup)).toEqual({ enquiries: 1, byServer: false });
    const names = tarEntries(gunzipSync(readFileSync(backup))).map((entry) => entry.name);
    expect(names).toContain('PG_VERSION');
    expect(names.some((name) => name.endsWith(lockFileName))).toBe(false);

    // Not into a directory that holds a database.
    await expect(restoreDataDir(backup, dataDir)).rejects.toThrow(/is not empty/);
    expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(true);

    const restoredDir = join(work, 'restored');
    expect(await restoreDataDir(backup, restoredDir)).toBe(1);
    expect(readdirSync(restoredDir)).not.toContain(lockFileName);
    const restored = await openDatabase({ DATA_DIR: restoredDir });
    try {
      expect((await getEnquiry(restored, id))?.coopName).toBe(validEnquiry.coopName);
    } finally {
      await closeDatabase(restored);
    }
  });

  it('is taken by the server that holds the directory, over a socket only its user can use', async () => {
    const dataDir = join(work, 'served');
    const db = await openDatabase({ DATA_DIR: dataDir });
    const client = (db as unknown as { $client: PGlite }).$client;
    const channel = await serveBackups(dataDir, (file) => backUpTo(client, dataDir, file));
    try {
      expect(statSync(backupSocketPath(dataDir)).mode & 0o777).toBe(0o600);
      await createEnquiry(db, joinKind, validEnquiry, { receiptHourlyLimit: 30 });
      const backup = join(work, 'served.tar.gz');
      expect(await backupDataDir(dataDir, backup)).toEqual({ enquiries: 1, byServer: true });
      expect(statSync(backup).mode & 0o777).toBe(0o600);
      // Never over a backup that exists, and no temporary file is left behind.
      await expect(backupDataDir(dataDir, backup)).rejects.toThrow(`${backup} exists already`);
      await expect(serveBackupRequest(dataDir, backup)).rejects.toThrow(`${backup} exists already`);
      expect(readdirSync(work).filter((name) => name.includes('partial'))).toEqual([]);
      expect(await restoreDataDir(backup, join(work, 'served-restored'))).toBe(1);
    } finally {
      await channel.close();
      await closeDatabase(db);
    }
  });

  it('says that a PostgreSQL server is backed up with pg_dump, when DATABASE_URL is set', () => {
    const script = ['--disable-warning=MODULE_TYPELESS_PACKAGE_JSON', 'scripts/db-archive.ts', 'backup', 'x.tar.gz'];
    const result = spawnSync(process.execPath, script, {
      env: { PATH: process.env.PATH, NODE_ENV: 'test', DATABASE_URL: 'postgres://db.example/cotech' },
      encoding: 'utf8',
    });
    expect(result.stderr).toMatch(/^DATABASE_URL is set, .* back it up with pg_dump and restore it with pg_restore/);
    expect(result.status).toBe(1);
  });

  it('refuses a file that is not a backup, and leaves nothing behind', async () => {
    const junk = join(work, 'junk.tar.gz');
    writeFileSync(junk, 'not an archive');
    const target = join(work, 'from-junk');
    await expect(restoreDataDir(junk, target)).rejects.toThrow(`${junk} is not a backup made by npm run db:backup`);
    expect(existsSync(target)).toBe(false);
  });
});

/** A request straight to the server, past the script's own check that the file does not exist. */
async function serveBackupRequest(dataDir: string, file: string) {
  const { backUpThroughServer } = await import('@/lib/db/backup');
  return backUpThroughServer(dataDir, file, 0);
}
