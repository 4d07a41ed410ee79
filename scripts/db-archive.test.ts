import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { addPerson } from '@/lib/auth/accounts';
import { sessionSecret } from '@/lib/auth/secret';
import { closeDatabase, openDatabase } from '@/lib/db';
import { parseSettings } from '@/lib/settings';
import { enquiries, outbox, users } from '@/lib/db/schema';
import { backupSocketPath, backUpTo, serveBackups, tarEntries } from '@/lib/db/backup';
import { lockFileName } from '@/lib/db/data-dir-lock';
import { joinKind } from '@/lib/enquiry-kinds';
import { createEnquiry, getEnquiry } from '@/lib/enquiries/store';
import { validEnquiry } from '@/test/enquiry-data';
import { backupTransaction } from '@/lib/runtime/backups';
import { backupDataDir, restoreDataDir } from './db-archive.ts';

const work = mkdtempSync(join(tmpdir(), 'cotech-archive-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('backing up and restoring the embedded database', () => {
  it('restores every enquiry, and refuses while a server holds the directory or into one that is in use', async () => {
    const dataDir = join(work, 'data');
    const db = await openDatabase(parseSettings({ DATA_DIR: dataDir }));
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
    const restored = await openDatabase(parseSettings({ DATA_DIR: restoredDir }));
    try {
      expect((await getEnquiry(restored, id))?.coopName).toBe(validEnquiry.coopName);
    } finally {
      await closeDatabase(restored);
    }
  });

  it('is taken by the server that holds the directory, over a socket only its user can use', async () => {
    const dataDir = join(work, 'served');
    const db = await openDatabase(parseSettings({ DATA_DIR: dataDir }));
    const channel = await serveBackups(dataDir, (file) => backUpTo(backupTransaction(db), dataDir, file));
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

  it('taken under load, restores every enquiry acknowledged before it began', async () => {
    const dataDir = join(work, 'loaded');
    const db = await openDatabase(parseSettings({ DATA_DIR: dataDir }));
    let stop = false;
    const acknowledged: string[] = [];
    const client = async (n: number) => {
      for (let i = 0; !stop; i++) {
        const stored = await createEnquiry(
          db,
          joinKind,
          { ...validEnquiry, coopName: `Load ${n}-${i}` },
          {
            receiptHourlyLimit: 30,
          },
        );
        if (stored.outcome === 'stored') acknowledged.push(stored.id);
      }
    };
    const load = Array.from({ length: 8 }, (_, n) => client(n));
    let before: string[] = [];
    try {
      while (acknowledged.length < 50) await new Promise((resolve) => setTimeout(resolve, 10));
      before = [...acknowledged];
      const backup = join(work, 'loaded.tar.gz');
      const summary = await backUpTo(backupTransaction(db), dataDir, backup);
      expect(summary.enquiries).toBeGreaterThanOrEqual(before.length);
      stop = true;
      await Promise.all(load);
      const restoredDir = join(work, 'loaded-restored');
      expect(await restoreDataDir(backup, restoredDir)).toBe(summary.enquiries);
      const restored = await openDatabase(parseSettings({ DATA_DIR: restoredDir }));
      try {
        const kept = new Set((await restored.select({ id: enquiries.id }).from(enquiries)).map((row) => row.id));
        expect(before.filter((id) => !kept.has(id))).toEqual([]);
      } finally {
        await closeDatabase(restored);
      }
    } finally {
      stop = true;
      await Promise.all(load);
      await closeDatabase(db);
    }
    // The load went on while the backup was taken: enquiries waited for the copy, and were stored.
    expect(acknowledged.length).toBeGreaterThan(before.length);
  });

  it('leaves out every key to the site: sessions, sign-in links and codes, sign-in mail and requests, rate-limit windows and the cookie key', async () => {
    const dataDir = join(work, 'keys');
    const db = await openDatabase(parseSettings({ DATA_DIR: dataDir }));
    const stored = await createEnquiry(db, joinKind, validEnquiry, { receiptHourlyLimit: 30 });
    if (stored.outcome === 'conflict') throw new Error('the enquiry was not stored');
    const person = await addPerson(db, { name: 'Ada', email: 'ada@example.coop', role: 'admin' }, null);
    if (!person) throw new Error('the person was not added');
    const cookieKey = await sessionSecret(db, undefined);
    // What a signed-in, busy site holds: each value distinct, so the archive's bytes can be searched for it.
    const keys = {
      session: 'session-token-7f3a9c21e4b84d6f',
      link: 'https://example.coop/sign-in/confirm?token=link-token-5b2e8d',
      code: '73914682',
      verification: 'hashed-code-value-0c4f1a',
      typed: 'typed-just-now@example.coop',
      client: 'client-window-9d8e7f',
    };
    await db.execute(sql`insert into sessions (id, token, user_id, expires_at)
      values ('s1', ${keys.session}, ${person.id}, now() + interval '7 days')`);
    await db.execute(sql`insert into verifications (id, identifier, value, expires_at)
      values ('v1', 'sign-in-otp-ada@example.coop', ${keys.verification}, now() + interval '15 minutes')`);
    await db.execute(sql`insert into outbox (kind, user_id, link, code)
      values ('sign-in', ${person.id}, ${keys.link}, ${keys.code})`);
    await db.execute(sql`insert into sign_in_requests (email) values (${keys.typed})`);
    await db.execute(sql`insert into rate_limits (scope, client, window_start, window_end, hits)
      values ('sign-in-client', ${keys.client}, now(), now() + interval '15 minutes', 1)`);
    await closeDatabase(db);

    const backup = join(work, 'keys.tar.gz');
    expect(await backupDataDir(dataDir, backup)).toEqual({ enquiries: 1, byServer: false });
    const archive = gunzipSync(readFileSync(backup));
    // Not in any table, nor in the write-ahead log, nor anywhere else in the files.
    for (const [what, value] of Object.entries({ ...keys, cookieKey })) {
      expect(archive.includes(value), `${what} in the backup`).toBe(false);
    }
    expect(archive.includes(validEnquiry.coopName), 'the enquiry in the backup').toBe(true);

    const restoredDir = join(work, 'keys-restored');
    expect(await restoreDataDir(backup, restoredDir)).toBe(1);
    const restored = await openDatabase(parseSettings({ DATA_DIR: restoredDir }));
    try {
      for (const table of ['sessions', 'verifications', 'sign_in_requests', 'rate_limits', 'site_secrets']) {
        const { rows } = await restored.execute(sql.raw(`select * from ${table}`));
        expect(rows, table).toEqual([]);
      }
      // The enquiry's own mails stay, to go out after the restore; the sign-in mail, with its link and code, does not.
      expect((await restored.select({ kind: outbox.kind }).from(outbox)).map((row) => row.kind).sort()).toEqual([
        'notification',
        'receipt',
      ]);
      expect((await restored.select({ email: users.email }).from(users)).map((user) => user.email)).toEqual([
        'ada@example.coop',
      ]);
      // The restored site makes a key of its own: no cookie signed before the backup is valid after it.
      const newKey = await sessionSecret(restored, undefined);
      expect(newKey).not.toBe(cookieKey);
      expect(newKey.length).toBeGreaterThanOrEqual(32);
    } finally {
      await closeDatabase(restored);
    }
  });

  /** `npm run db:backup -- x.tar.gz` with these variables and no others. */
  const backUpWith = (env: Record<string, string>) =>
    spawnSync(
      process.execPath,
      ['--disable-warning=MODULE_TYPELESS_PACKAGE_JSON', 'scripts/db-archive.ts', 'backup', 'x.tar.gz'],
      { env: { PATH: process.env.PATH, NODE_ENV: 'test', ...env }, encoding: 'utf8' },
    );

  it('says that a PostgreSQL server is backed up with pg_dump, when DATABASE_URL is set', () => {
    const result = backUpWith({ DATABASE_URL: 'postgres://db.example/cotech' });
    expect(result.stderr).toMatch(/^DATABASE_URL is set, .* back it up with pg_dump and restore it with pg_restore/);
    expect(result.status).toBe(1);
  });

  it('reads its settings as the site does: a bad one, or a database in memory, is refused in one line', () => {
    const bad = backUpWith({ DATABASE_URL: 'mysql://db.example/cotech' });
    expect(bad.stderr).toBe(
      'DATABASE_URL is "mysql://db.example/cotech", but it takes a postgres:// address of a ' +
        'PostgreSQL server, or nothing.\n',
    );
    expect(bad.status).toBe(1);
    const inMemory = backUpWith({ DATA_DIR: 'memory://' });
    expect(inMemory.stderr).toBe(
      'DATA_DIR is memory://: an embedded database in memory keeps nothing to back up or restore.\n',
    );
    expect(inMemory.status).toBe(1);
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
