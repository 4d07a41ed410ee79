import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '@/lib/db';
import { lockFileName } from '@/lib/db/data-dir-lock';
import { joinKind } from '@/lib/enquiry-kinds';
import { createEnquiry, getEnquiry } from '@/lib/enquiries/store';
import { validEnquiry } from '@/test/enquiry-data';
import { backupDataDir, restoreDataDir, tarEntries } from './db-archive.ts';

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
    // The database is open, as in a running server: no backup of a directory that is being written.
    await expect(backupDataDir(dataDir, backup)).rejects.toThrow(`${dataDir} is in use by process ${process.pid}`);
    await closeDatabase(db);

    expect(await backupDataDir(dataDir, backup)).toBe(1);
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

  it('refuses a file that is not a backup, and leaves nothing behind', async () => {
    const junk = join(work, 'junk.tar.gz');
    writeFileSync(junk, 'not an archive');
    const target = join(work, 'from-junk');
    await expect(restoreDataDir(junk, target)).rejects.toThrow(`${junk} is not a backup made by npm run db:backup`);
    expect(existsSync(target)).toBe(false);
  });
});
