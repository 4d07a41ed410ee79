// `npm run db:backup -- FILE` and `npm run db:restore -- FILE`: a copy of the embedded PGlite database in DATA_DIR
// (default ./.data) as one .tar.gz file (PGlite's dumpDataDir), and back. Both hold the data directory's lock, so
// they refuse while a server uses it: stop the server first. A PostgreSQL server (DATABASE_URL) is backed up with
// pg_dump instead (README).
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import { acquireDataDirLock, lockFileName } from '../lib/db/data-dir-lock.ts';

/** Writes the database in `dataDir` to `file` (gzipped tar); returns how many enquiries it holds. */
export async function backupDataDir(dataDir: string, file: string): Promise<number> {
  if (!existsSync(join(dataDir, 'PG_VERSION'))) throw new Error(`There is no database in ${resolve(dataDir)}`);
  if (existsSync(file)) throw new Error(`${file} exists already: choose a new file name`);
  const lock = acquireDataDirLock(dataDir);
  try {
    const db = await PGlite.create(dataDir);
    try {
      const enquiries = await countEnquiries(db);
      const tar = Buffer.from(await (await db.dumpDataDir('none')).arrayBuffer());
      // Written whole under another name first: a backup cut short never looks like a good one.
      writeFileSync(`${file}.partial`, gzipSync(withoutEntry(tar, lockFileName)));
      renameSync(`${file}.partial`, file);
      return enquiries;
    } finally {
      await db.close();
    }
  } finally {
    lock.release();
  }
}

/** Restores `file` into `dataDir`, which must be missing or empty; returns how many enquiries it holds. */
export async function restoreDataDir(file: string, dataDir: string): Promise<number> {
  const archive = new Blob([readBackup(file)], { type: 'application/x-tar' });
  const wasThere = existsSync(dataDir);
  // Held while PGlite unpacks, so no server opens half a database; it names the server if one holds it.
  const lock = acquireDataDirLock(dataDir);
  if (readdirSync(dataDir).some((entry) => entry !== lockFileName)) {
    lock.release();
    throw new Error(`${resolve(dataDir)} is not empty: move it aside, or choose another DATA_DIR, to restore into it`);
  }
  let restored = false;
  try {
    const db = await PGlite.create(dataDir, { loadDataDir: archive });
    try {
      const enquiries = await countEnquiries(db);
      restored = true;
      return enquiries;
    } finally {
      await db.close();
    }
  } finally {
    // A restore that failed leaves the directory as it found it.
    if (!restored) {
      for (const entry of readdirSync(dataDir)) {
        if (entry !== lockFileName) rmSync(join(dataDir, entry), { recursive: true, force: true });
      }
    }
    lock.release();
    if (!restored && !wasThere) rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * The entries of a tar archive as PGlite writes it, plain ustar: a 512-byte header per entry (name at 0, octal
 * size at 124), its data padded to 512 bytes, two zero blocks at the end.
 */
export function tarEntries(tar: Buffer): { name: string; bytes: Buffer }[] {
  const entries: { name: string; bytes: Buffer }[] = [];
  let offset = 0;
  while (offset + 512 <= tar.length) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) break;
    const field = (start: number, length: number) =>
      header.toString('latin1', start, start + length).replace(/\0.*$/s, '');
    const size = parseInt(field(124, 12).trim() || '0', 8);
    const end = offset + 512 + Math.ceil(size / 512) * 512;
    if (Number.isNaN(size) || end > tar.length) throw new Error('not a tar archive');
    entries.push({ name: field(0, 100).replace(/^\/+/, ''), bytes: tar.subarray(offset, end) });
    offset = end;
  }
  return entries;
}

// The backup holds the lock while it copies, and a restored directory must not start out locked by the backup's
// (dead) process: the lock file is left out of the archive.
function withoutEntry(tar: Buffer, name: string): Buffer {
  const kept = tarEntries(tar).filter((entry) => entry.name !== name);
  return Buffer.concat([...kept.map((entry) => entry.bytes), Buffer.alloc(1024)]);
}

/** The archive's tar, or a clear error when `file` is not a backup this script made. */
function readBackup(file: string): Buffer<ArrayBuffer> {
  try {
    const tar = gunzipSync(readFileSync(file));
    if (tarEntries(tar).some((entry) => entry.name === 'PG_VERSION')) return tar;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw error;
  }
  throw new Error(`${file} is not a backup made by npm run db:backup`);
}

async function countEnquiries(db: PGlite): Promise<number> {
  const { rows } = await db.query<{ n: number }>('select count(*)::int as n from enquiries');
  return rows[0]?.n ?? 0;
}

async function main() {
  const [command, file] = process.argv.slice(2);
  const dataDir = process.env.DATA_DIR || '.data';
  if (!['backup', 'restore'].includes(command ?? '') || !file) {
    throw new Error('Usage: npm run db:backup -- FILE, or npm run db:restore -- FILE');
  }
  if (process.env.DATABASE_URL) {
    throw new Error('DATABASE_URL is set: back up and restore the PostgreSQL server with pg_dump and pg_restore');
  }
  if (command === 'backup') {
    const enquiries = await backupDataDir(dataDir, file);
    console.log(`Backed up ${resolve(dataDir)} (${enquiries} enquiries) to ${file}`);
  } else {
    const enquiries = await restoreDataDir(file, dataDir);
    console.log(`Restored ${file} (${enquiries} enquiries) into ${resolve(dataDir)}`);
  }
}

if (import.meta.main) {
  await main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
