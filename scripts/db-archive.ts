// `npm run db:backup -- FILE` and `npm run db:restore -- FILE`: a copy of the embedded PGlite database in DATA_DIR
// (default ./.data) as one .tar.gz file (PGlite's dumpDataDir), and back. While a server runs on DATA_DIR, the
// backup is taken by that server, between transactions, and written by it to FILE (lib/db/backup.ts); otherwise
// this script opens the directory itself, holding its lock. A restore refuses while a server uses the directory.
// A PostgreSQL server (DATABASE_URL) is backed up with pg_dump instead (docs/database.md).
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import { backUpThroughServer, backUpTo, countEnquiriesSql, pgliteTransaction, tarEntries } from '../lib/db/backup.ts';
import { acquireDataDirLock, type DataDirLock, DataDirLockedError, lockFileName } from '../lib/db/data-dir-lock.ts';
import { inMemory, settings } from '../lib/settings.ts';

/**
 * Writes the database in `dataDir` to `file` (gzipped tar), itself or through the server that holds the
 * directory; returns how many enquiries it holds, and whether the server took it.
 */
export async function backupDataDir(dataDir: string, file: string): Promise<{ enquiries: number; byServer: boolean }> {
  if (!existsSync(join(dataDir, 'PG_VERSION'))) throw new Error(`There is no database in ${resolve(dataDir)}`);
  if (existsSync(file)) throw new Error(`${file} exists already: choose a new file name`);
  const lock = tryDataDirLock(dataDir);
  if (lock instanceof DataDirLockedError) {
    const { enquiries } = await backUpThroughServer(dataDir, file, lock.holderPid);
    return { enquiries, byServer: true };
  }
  try {
    const db = await PGlite.create(dataDir);
    try {
      const { enquiries } = await backUpTo(pgliteTransaction(db), dataDir, resolve(file));
      return { enquiries, byServer: false };
    } finally {
      await db.close();
    }
  } finally {
    lock.release();
  }
}

function tryDataDirLock(dataDir: string): DataDirLock | DataDirLockedError {
  try {
    return acquireDataDirLock(dataDir);
  } catch (error) {
    if (error instanceof DataDirLockedError) return error;
    throw error;
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
  const { rows } = await db.query<{ n: number }>(countEnquiriesSql);
  return rows[0]?.n ?? 0;
}

async function main() {
  const [command, named] = process.argv.slice(2);
  if (!['backup', 'restore'].includes(command ?? '') || !named) {
    throw new Error('Usage: npm run db:backup -- FILE, or npm run db:restore -- FILE');
  }
  // npm runs scripts in the package's directory; FILE is named from where the command was typed (INIT_CWD).
  const file = resolve(process.env.INIT_CWD ?? '.', named);
  // The site's settings, as the server reads them: a bad one is refused here in the same line.
  const current = settings();
  if (current.DATABASE_URL) {
    throw new Error(
      'DATABASE_URL is set, so the site keeps its data in that PostgreSQL server, not in DATA_DIR: back it up with ' +
        'pg_dump and restore it with pg_restore, while the site runs (docs/database.md, "Back it up").',
    );
  }
  if (current.DATA_DIR.inMemory) {
    throw new Error(`DATA_DIR is ${inMemory}: an embedded database in memory keeps nothing to back up or restore.`);
  }
  const dataDir = current.DATA_DIR.path;
  if (command === 'backup') {
    const { enquiries, byServer } = await backupDataDir(dataDir, file);
    const by = byServer ? ', taken by the server that runs on it,' : '';
    console.log(`Backed up ${resolve(dataDir)} (${enquiries} enquiries)${by} to ${file}`);
  } else {
    const enquiries = await restoreDataDir(file, dataDir);
    console.log(`Restored ${file} (${enquiries} enquiries) into ${resolve(dataDir)}`);
    console.log(
      'A backup holds no sessions, sign-in links or codes, and not the key that signs cookies: the restored site ' +
        'makes a new key when it starts, and everyone signs in again.',
    );
  }
}

if (import.meta.main) {
  await main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
