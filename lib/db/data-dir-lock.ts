// One writer per embedded data directory. PGlite has no postmaster of its own, so two processes opening one
// directory would both write to it and lose each other's data. Like PostgreSQL's postmaster.pid, the lock is a file
// in the directory holding the owner's pid: it outlives a crash, and a later process sees that pid is dead and
// takes the lock over. No library is used: proper-lockfile and lockfile judge staleness by the file's age, and
// PGlite creating a directory blocks the event loop for seconds, long enough for a live lock to look stale.
// Plain TypeScript with no imports but Node's, so the backup scripts run it with Node's type stripping.
import { closeSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const lockFileName = 'cotech-site.pid';

/** Thrown when another live process holds the directory; its message is the one line an operator needs. */
export class DataDirLockedError extends Error {
  readonly code = 'EDATADIRLOCKED';
  readonly dataDir: string;
  readonly holderPid: number;
  constructor(dataDir: string, holderPid: number) {
    super(
      `The data directory ${dataDir} is in use by process ${holderPid}: one process at a time may use embedded ` +
        'PGlite. Stop that process, or set DATABASE_URL to a PostgreSQL server to run several instances.',
    );
    this.name = 'DataDirLockedError';
    this.dataDir = dataDir;
    this.holderPid = holderPid;
  }
}

export type DataDirLock = { path: string; release: () => void };

// Directories this process holds, so a second open in the same process is refused rather than taken for the lock
// of an earlier process whose pid happens to be ours (pid 1 in every container).
const held = globalThis as typeof globalThis & { cotechDataDirLocks?: Set<string> };
const heldPaths = held.cotechDataDirLocks ?? new Set<string>();
if (!held.cotechDataDirLocks) {
  held.cotechDataDirLocks = heldPaths;
  // A process that exits without closing its database (process.exit, Next.js's own signal handling under
  // `next start`) leaves nothing behind for the next one to take over; a crash still may, which is what the pid
  // check is for.
  process.on('exit', () => heldPaths.forEach(release));
}

/** Takes the lock on `dataDir` (created if missing) or throws DataDirLockedError naming the live holder. */
export function acquireDataDirLock(dataDir: string): DataDirLock {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, lockFileName);
  if (heldPaths.has(path)) throw new DataDirLockedError(dir, process.pid);
  // Each pass either creates the file, finds a live holder, or removes one dead holder's file: a handful is plenty.
  for (let attempt = 0; attempt < 20; attempt++) {
    if (createExclusive(path, `${process.pid}\n`)) {
      heldPaths.add(path);
      return { path, release: () => release(path) };
    }
    const holder = readPid(path);
    if (holder === undefined) continue; // removed meanwhile: try again
    if (isAlive(holder)) throw new DataDirLockedError(dir, holder);
    removeDeadHolder(path, holder);
  }
  throw new Error(`Could not take the lock ${path}: it keeps changing hands`);
}

/** Creates `path` holding `content` only if it does not exist; never leaves a half-written file for others to read. */
function createExclusive(path: string, content: string): boolean {
  const draft = `${path}.${process.pid}.draft`;
  const fd = openSync(draft, 'w');
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(draft, path); // atomic, and fails if the lock exists
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    unlinkSync(draft);
  }
}

/**
 * Removes the lock file of a dead process. Two processes may find the same dead pid at once: only the one that
 * creates `PATH.takeover-PID` may remove it, and it checks again that the file still names that dead pid, so a
 * lock just taken by the other is never removed. A takeover file left by a process that died during its takeover
 * is itself taken over the same way.
 */
function removeDeadHolder(path: string, deadPid: number): void {
  const guard = `${path}.takeover-${deadPid}`;
  for (let attempt = 0; attempt < 20; attempt++) {
    if (createExclusive(guard, `${process.pid}\n`)) {
      try {
        if (readPid(path) === deadPid && !isAlive(deadPid)) unlinkIfPresent(path);
      } finally {
        unlinkIfPresent(guard);
      }
      return;
    }
    const taker = readPid(guard);
    if (taker === undefined) continue;
    // Another process is taking over: let it finish, then look at the lock again.
    if (isAlive(taker)) return;
    removeDeadHolder(guard, taker);
  }
}

function release(path: string): void {
  if (!heldPaths.delete(path)) return;
  // Never remove a lock that is not ours.
  if (readPid(path) === process.pid) unlinkIfPresent(path);
}

function readPid(path: string): number | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const pid = Number(text.trim().split('\n')[0]);
  // A file we cannot read as a pid was not written by this code: treat it as a dead holder's.
  return Number.isSafeInteger(pid) && pid > 0 ? pid : 0;
}

function isAlive(pid: number): boolean {
  // Our own pid, or our parent's, is an earlier process's that had the same number (a container's processes get
  // the same pids each time it starts), as PostgreSQL reasons too: the locks this process holds are in heldPaths.
  if (pid === 0 || pid === process.pid || pid === process.ppid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function unlinkIfPresent(path: string): void {
  try {
    unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
