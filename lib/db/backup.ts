// A backup of embedded PGlite while it serves: one .tar.gz file of the data directory, copied between transactions,
// written under a temporary name and then linked into place, so a half-written backup never carries the final
// name. `npm run db:backup` asks the server that holds DATA_DIR for one over a Unix socket beside the directory
// (the server has the data and is its one writer); the server's scheduled backups (lib/runtime/backups.ts) are
// taken the same way. Plain TypeScript with no imports but Node's, so the backup scripts run it with Node's type
// stripping, like data-dir-lock.ts.
import { lstatSync, unlinkSync } from 'node:fs';
import { link, open, readdir, readFile, stat, unlink } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { basename, dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { Worker } from 'node:worker_threads';
import { gzip } from 'node:zlib';
import type { PGlite } from '@electric-sql/pglite';
import { lockFileName } from './data-dir-lock.ts';

/**
 * The proposals worker's folder in the data directory (lib/proposals: its working clone of the content repository,
 * and in development the stand-in repository). Not the database: a backup leaves it out, and the clone is fetched
 * again after a restore.
 */
export const proposalsFolder = 'proposals';

/** What a backup held: its size, and how many enquiries, counted in the same transaction as the copy. */
export type BackupSummary = { file: string; bytes: number; enquiries: number };

/**
 * Runs `work` inside one transaction on the embedded database, in which `countEnquiries` reads. The server's is
 * a transaction on the database's thread (lib/runtime/backups.ts); the backup script's, offline, is PGlite's
 * own (`pgliteTransaction`).
 */
export type InTransaction = <T>(work: (countEnquiries: () => Promise<number>) => Promise<T>) => Promise<T>;

export const countEnquiriesSql = 'select count(*)::int as n from enquiries';

/** A transaction of a PGlite this process opened itself. */
export function pgliteTransaction(client: PGlite): InTransaction {
  return (work) =>
    client.transaction((tx) => work(async () => (await tx.query<{ n: number }>(countEnquiriesSql)).rows[0]?.n ?? 0));
}

/**
 * The database in `dataDir` as one gzipped tar, consistent: PGlite runs one transaction at a time (its thread keeps
 * a transaction's statements together until COMMIT, as `transaction()` does, and runs nothing else meanwhile), so
 * inside a transaction of ours no other is half done, and nothing writes to the directory while we copy it. The
 * copy is the data files as they are on disk, as PGlite's `dumpDataDir` makes it, and opens (with `loadDataDir`, or
 * `npm run db:restore`) as a database does after a power cut: every committed transaction is in the WAL, and is
 * replayed. It is not `dumpDataDir` itself because that reads every file synchronously on the server's one thread:
 * 2 s without an answer to anyone for a directory of 5,000 enquiries (`npm run bench:backup`). Here the files are
 * read by Node's thread pool; only enquiries wait for the copy, and pages keep answering.
 */
export async function dumpDatabase(
  inTransaction: InTransaction,
  dataDir: string,
): Promise<{ archive: Buffer; enquiries: number }> {
  const { tar, enquiries } = await inTransaction(async (countEnquiries) => {
    const enquiries = await countEnquiries();
    return { tar: await tarDirectory(resolve(dataDir)), enquiries };
  });
  // Cleaned and compressed off the main thread (a worker, then zlib's thread pool), once the database is free.
  return { archive: await promisify(gzip)(await withoutKeys(tar)), enquiries };
}

/**
 * What a backup leaves out: whatever would let the holder of the file act as someone, and windows that mean nothing
 * after a restore. Sessions (their tokens sign people in), better-auth's unused sign-in links and codes, sign-in
 * mail not yet sent (it carries its link and code) and sign-in requests (an address typed a moment ago), rate-limit
 * windows, and every row of site_secrets (the key that signs session cookies: with it and a stolen backup, anyone
 * could forge a cookie). A restored site makes a new key when it starts, and everyone signs in again.
 * BETTER_AUTH_SECRET, when set, is in the environment only, never in the database or a backup.
 */
export const leftOutOfBackups = [
  'delete from sessions',
  'delete from verifications',
  "delete from outbox where kind = 'sign-in' and sent_at is null",
  'delete from sign_in_requests',
  'delete from rate_limits',
  'delete from site_secrets',
] as const;

/**
 * After the deletions, the deleted rows are still in the tables' pages and in the write-ahead log: VACUUM FULL
 * rewrites the tables without them, and a WAL switch and CHECKPOINT, without recycling old segments, drop the
 * segments that hold them (as erasure does: lib/enquiries/erasure.ts).
 */
const scrubbed = [
  'vacuum full sessions, verifications, outbox, sign_in_requests, rate_limits, site_secrets',
  'set wal_recycle = off',
  'select pg_switch_wal()',
  'checkpoint',
];

// The copy is opened as a database of its own in a worker thread, so that opening it (a fraction of a second of
// WebAssembly) and cleaning it never hold up the server's thread. A script, not a file, so it runs the same from
// the bundle Next.js makes, from a standalone build and from the backup script; it finds PGlite where the site's
// own dependencies are.
const cleaner = `
const { parentPort, workerData } = require('node:worker_threads');
const { PGlite } = require(workerData.pglite);
(async () => {
  const db = await PGlite.create({ loadDataDir: new Blob([workerData.tar]) });
  try {
    for (const statement of workerData.statements) await db.query(statement);
    const tar = new Uint8Array(await (await db.dumpDataDir('none')).arrayBuffer());
    parentPort.postMessage({ tar }, [tar.buffer]);
  } finally {
    await db.close();
  }
})().catch((error) => parentPort.postMessage({ error: error instanceof Error ? error.message : String(error) }));
`;

/** The archive `tar` of a data directory, as the same database without what a backup leaves out. */
export async function withoutKeys(tar: Buffer): Promise<Buffer> {
  const pglite = createRequire(join(process.cwd(), 'package.json')).resolve('@electric-sql/pglite');
  const worker = new Worker(cleaner, {
    eval: true,
    workerData: { tar, pglite, statements: [...leftOutOfBackups, ...scrubbed] },
  });
  try {
    const answer = await new Promise<{ tar?: Uint8Array; error?: string }>((resolveAnswer, reject) => {
      worker.once('message', resolveAnswer);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the backup's cleaning stopped (exit code ${code})`)));
    });
    if (!answer.tar) throw new Error(`the backup could not be cleaned: ${answer.error}`);
    return Buffer.from(answer.tar.buffer, answer.tar.byteOffset, answer.tar.byteLength);
  } finally {
    await worker.terminate();
  }
}

/**
 * A plain ustar archive of `root`'s directories and files, named relative to it, as PGlite's `dumpDataDir` writes
 * one (and its `loadDataDir` reads). The lock file is left out: it names the process that held the directory, and
 * a restored directory must not start out locked by it. So are the proposals' folder, which is not the database,
 * and anything that is neither file nor directory.
 */
async function tarDirectory(root: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  const visit = async (relative: string): Promise<void> => {
    const entries = await readdir(join(root, relative), { withFileTypes: true });
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const name = relative ? `${relative}/${entry.name}` : entry.name;
      if (name === lockFileName || name === proposalsFolder) continue;
      const path = join(root, name);
      if (entry.isDirectory()) {
        const { mtimeMs, mode } = await stat(path);
        parts.push(tarHeader(name, { size: 0, mtimeMs, mode, directory: true }));
        await visit(name);
      } else if (entry.isFile()) {
        const [bytes, { mtimeMs, mode }] = await Promise.all([readFile(path), stat(path)]);
        parts.push(tarHeader(name, { size: bytes.length, mtimeMs, mode, directory: false }), bytes);
        const padding = (512 - (bytes.length % 512)) % 512;
        if (padding) parts.push(Buffer.alloc(padding));
      }
    }
  };
  await visit('');
  return Buffer.concat([...parts, Buffer.alloc(1024)]);
}

function tarHeader(
  name: string,
  { size, mtimeMs, mode, directory }: { size: number; mtimeMs: number; mode: number; directory: boolean },
): Buffer {
  const header = Buffer.alloc(512);
  // Longer names go in ustar's prefix field, split at a slash; the data directory's are all far shorter.
  const cut = Buffer.byteLength(name) > 100 ? name.indexOf('/', Buffer.byteLength(name) - 101) : -1;
  const [prefix, rest] = cut > 0 ? [name.slice(0, cut), name.slice(cut + 1)] : ['', name];
  if (Buffer.byteLength(rest) > 100 || Buffer.byteLength(prefix) > 155) throw new Error(`${name}: name too long`);
  const octal = (value: number, offset: number, length: number) =>
    header.write(
      `${Math.floor(value)
        .toString(8)
        .padStart(length - 1, '0')}\0`,
      offset,
      length,
      'latin1',
    );
  header.write(rest, 0, 100, 'utf8');
  octal(mode & 0o7777, 100, 8);
  octal(0, 108, 8); // uid
  octal(0, 116, 8); // gid
  octal(size, 124, 12);
  octal(mtimeMs / 1000, 136, 12);
  header.write(directory ? '5' : '0', 156, 1, 'latin1');
  header.write('ustar\u000000', 257, 8, 'latin1');
  header.write(prefix, 345, 155, 'utf8');
  // The checksum is the sum of the header's bytes with its own field counted as spaces.
  header.fill(' ', 148, 156);
  const sum = header.reduce((total, byte) => total + byte, 0);
  header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8, 'latin1');
  return header;
}

/**
 * Writes `bytes` to `file`, which must not exist: to a temporary name in the same directory first, flushed to
 * disk, then linked to the final name (atomic, and refused if the name is taken) and the directory flushed. Only
 * the machine's user may read it: it holds personal data. Asynchronous throughout: a flush to a busy disk can take
 * long, and the server's thread has pages to answer meanwhile.
 */
export async function writeNewFileAtomically(file: string, bytes: Uint8Array): Promise<void> {
  const draft = join(dirname(file), `.${basename(file)}.${process.pid}.partial`);
  const handle = await open(draft, 'wx', 0o600);
  try {
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await link(draft, file).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
      throw new Error(`${file} exists already: choose a new file name`, { cause: error });
    });
  } finally {
    await unlink(draft);
  }
  const directory = await open(dirname(file), 'r');
  try {
    await directory.sync();
  } finally {
    await directory.close();
  }
}

/**
 * Takes a backup of the database open on `dataDir` into `file` (a path the caller resolved), which must not exist.
 */
export async function backUpTo(inTransaction: InTransaction, dataDir: string, file: string): Promise<BackupSummary> {
  const { archive, enquiries } = await dumpDatabase(inTransaction, dataDir);
  await writeNewFileAtomically(file, archive);
  return { file, bytes: archive.length, enquiries };
}

/**
 * Where the server that holds `dataDir` takes backup requests: a Unix socket beside the directory, not in it
 * (PGlite's copy of the directory cannot read a socket, and PostgreSQL's own scans of it expect only files).
 * Created with mode 0600, so only the machine's user who runs the server can connect; never a network port.
 */
export function backupSocketPath(dataDir: string): string {
  return `${resolve(dataDir)}.backup.sock`;
}

type Request = { file: string };
type Answer = { ok: true; summary: BackupSummary } | { ok: false; error: string };

/**
 * Listens on `backupSocketPath(dataDir)` for backup requests: one line of JSON, `{"file": "/absolute/path"}`,
 * answered with one line. Requests are taken one at a time. Only the holder of the data directory's lock may call
 * this: a socket left at that path by a process that died is its own to remove.
 */
export async function serveBackups(
  dataDir: string,
  backUp: (file: string) => Promise<BackupSummary>,
): Promise<{ close: () => Promise<void> }> {
  const path = backupSocketPath(dataDir);
  removeStaleSocket(path);
  let queue: Promise<unknown> = Promise.resolve();
  const server: Server = createServer((socket) => {
    readLine(socket)
      .then((line) => {
        const { file } = parseRequest(line);
        // One at a time: each waits for the one before (which never rejects: failures become answers).
        const answer = queue.then(() =>
          backUp(file).then(
            (summary): Answer => ({ ok: true, summary }),
            (error: unknown): Answer => ({ ok: false, error: messageOf(error) }),
          ),
        );
        queue = answer;
        return answer;
      })
      .catch((error: unknown): Answer => ({ ok: false, error: messageOf(error) }))
      .then((answer) => socket.end(`${JSON.stringify(answer)}\n`));
    socket.on('error', () => socket.destroy());
  });
  // The socket is created with the process's umask: 0177 leaves it 0600 from the moment it exists (a chmod after
  // listen would leave a moment in which anyone could connect). listen() binds synchronously.
  const umask = process.umask(0o177);
  try {
    server.listen(path);
  } finally {
    process.umask(umask);
  }
  await new Promise<void>((resolveListen, reject) => {
    server.once('listening', resolveListen);
    server.once('error', reject);
  });
  return {
    close: async () => {
      await new Promise<void>((resolveClose) => server.close(() => resolveClose()));
      // Wait for a backup in progress: it needs the database, which closes next.
      await queue;
    },
  };
}

/**
 * Asks the server that holds `dataDir` (process `holderPid`) to back it up into `file`, resolved here against the
 * caller's working directory: the server writes it.
 */
export async function backUpThroughServer(dataDir: string, file: string, holderPid: number): Promise<BackupSummary> {
  const path = backupSocketPath(dataDir);
  const socket = createConnection(path);
  const line = await new Promise<string>((resolveLine, reject) => {
    socket.once('connect', () => {
      socket.write(`${JSON.stringify({ file: resolve(file) } satisfies Request)}\n`);
      readLine(socket).then(resolveLine, reject);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || error.code === 'ECONNREFUSED') {
        reject(
          new Error(
            `The data directory ${resolve(dataDir)} is in use by process ${holderPid}, which takes no backup ` +
              `requests (nothing answers at ${path}): stop that process and back up again.`,
          ),
        );
      } else reject(error);
    });
  });
  const answer = JSON.parse(line) as Answer;
  if (!answer.ok) throw new Error(answer.error);
  return answer.summary;
}

function removeStaleSocket(path: string): void {
  try {
    if (!lstatSync(path).isSocket()) throw new Error(`${path} exists and is not a socket: move it aside`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  unlinkSync(path);
}

// A request is a path of a few hundred bytes: anything longer is not one of ours.
const maxLine = 16 * 1024;

function readLine(socket: Socket): Promise<string> {
  return new Promise((resolveLine, reject) => {
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      text += chunk;
      const end = text.indexOf('\n');
      if (end >= 0) resolveLine(text.slice(0, end));
      else if (text.length > maxLine) reject(new Error('The request is too long'));
    });
    socket.once('end', () => reject(new Error('The connection closed before a whole line arrived')));
    socket.once('error', reject);
  });
}

function parseRequest(line: string): Request {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    throw new Error('The request is not JSON');
  }
  const file = (parsed as { file?: unknown } | null)?.file;
  if (typeof file !== 'string' || !file.startsWith('/')) throw new Error('The request names no absolute file');
  return { file };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
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
