import 'server-only';
import { mkdirSync, readdirSync, unlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { sql } from 'drizzle-orm';
import { getDb, type Database } from '@/lib/db';
import { backUpTo, countEnquiriesSql, serveBackups, type BackupSummary, type InTransaction } from '@/lib/db/backup';
import type { Settings } from '@/lib/settings';
import { onShutdown } from './lifecycle';

// Readiness (a route, bundled apart from instrumentation, which starts the schedule) reads the schedule's state,
// so it lives on globalThis, as the lifecycle's does.
type ScheduleState = { intervalMs: number; since: number; lastGood: Date | undefined };
const key = Symbol.for('cotech.backups');
const holder = globalThis as typeof globalThis & { [key]?: ScheduleState };

/**
 * At start-up, once the database is open (embedded PGlite only): takes backup requests from `npm run db:backup` on
 * a socket beside DATA_DIR, and with BACKUP_DIR set, writes a backup there every BACKUP_INTERVAL_HOURS and at
 * shutdown. Both stop at shutdown before the database closes (shutdown tasks run in the order added).
 */
export async function startBackups(current: Settings): Promise<void> {
  if (current.DATABASE_URL) {
    if (current.BACKUP_DIR) {
      console.warn(
        'BACKUP_DIR is set, but the data is in the PostgreSQL server of DATABASE_URL: back that up with pg_dump ' +
          '(docs/database.md, "Back it up"). No backups are scheduled.',
      );
    }
    return;
  }
  if (current.DATA_DIR.inMemory) return;
  const dataDir = current.DATA_DIR.path;
  const backUp = async (file: string) => backUpTo(backupTransaction(await getDb()), dataDir, file);
  try {
    // Only the holder of the data directory's lock may listen: a start that could not open it is not that.
    await getDb();
    const channel = await serveBackups(dataDir, backUp);
    onShutdown(channel.close);
  } catch (error) {
    console.error(`backups: npm run db:backup cannot reach this server: ${oneLine(error)}`);
  }
  if (current.BACKUP_DIR) {
    const schedule = scheduleBackups({
      dir: current.BACKUP_DIR,
      intervalMs: current.BACKUP_INTERVAL_HOURS * 3_600_000,
      keep: current.BACKUP_KEEP,
      backUp,
    });
    onShutdown(schedule.stop);
  }
}

/**
 * A backup's transaction on `db`, embedded PGlite (lib/db): its thread runs no other connection's statement meanwhile.
 */
export function backupTransaction(db: Database): InTransaction {
  return (work) =>
    db.transaction((tx) =>
      work(async () => {
        const { rows } = await tx.execute<{ n: number }>(sql.raw(countEnquiriesSql));
        return rows[0]?.n ?? 0;
      }),
    );
}

/** The file name of a backup taken at `at`: its UTC time, so names sort as the backups were taken. */
export function backupFileName(at: Date): string {
  return `cotech-${at.toISOString().replaceAll(':', '-')}.tar.gz`;
}

const backupName = /^cotech-(\d{4}-\d\d-\d\d)T(\d\d)-(\d\d)-(\d\d\.\d{3})Z\.tar\.gz$/;

function takenAt(name: string): Date | undefined {
  const [, day, hours, minutes, seconds] = backupName.exec(name) ?? [];
  return day ? new Date(`${day}T${hours}:${minutes}:${seconds}Z`) : undefined;
}

/** The backups in `dir`, oldest first; none when it does not exist yet. */
function backupsIn(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((name) => backupName.test(name))
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** The newest backup in `dir`; a directory that cannot be read is reported, and the first backup will say more. */
function newestBackupIn(dir: string): string | undefined {
  try {
    return backupsIn(dir).at(-1);
  } catch (error) {
    console.error(`backup: cannot read BACKUP_DIR ${dir}: ${oneLine(error)}`);
    return undefined;
  }
}

export type BackupSchedule = { stop: () => Promise<void> };

/**
 * Writes a backup into `dir` every `intervalMs`, counted from the newest one there (so a restart neither skips
 * one nor takes an extra one), and one more when stopped; keeps the newest `keep`. A failure is logged in one line
 * and tried again at the next interval: it never stops the site.
 */
export function scheduleBackups(options: {
  dir: string;
  intervalMs: number;
  keep: number;
  backUp: (file: string) => Promise<BackupSummary>;
}): BackupSchedule {
  const { intervalMs, keep, backUp } = options;
  const dir = resolve(options.dir);
  const newest = newestBackupIn(dir);
  const state: ScheduleState = { intervalMs, since: Date.now(), lastGood: newest ? takenAt(newest) : undefined };
  holder[key] = state;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;

  const attempt = async () => {
    const at = new Date();
    const file = join(dir, backupFileName(at));
    try {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      await backUp(file);
      state.lastGood = at;
      const old = backupsIn(dir);
      for (const name of old.slice(0, Math.max(0, old.length - keep))) unlinkSync(join(dir, name));
    } catch (error) {
      console.error(`backup: ${file} failed, to be tried again in ${intervalMs / 3_600_000} h: ${oneLine(error)}`);
    }
  };
  const after = (delayMs: number) => {
    timer = setTimeout(() => {
      running = attempt().then(() => {
        if (!stopped) after(intervalMs);
      });
    }, delayMs);
    // A backup that is due never keeps the process alive; shutdown takes its own.
    timer.unref();
  };
  // Not during start-up itself: at the earliest a minute after (or one interval, when that is shorter).
  const due = (state.lastGood?.getTime() ?? 0) + intervalMs - Date.now();
  after(Math.max(due, Math.min(intervalMs, 60_000)));

  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
      await attempt();
    },
  };
}

/**
 * For readiness, when BACKUP_DIR is set: when the last good backup was taken and how long ago, and whether that
 * is longer than twice the interval (`overdue`; with none yet, counted from the start). Undefined otherwise.
 */
export function backupStatus(
  now = Date.now(),
): { last: string | null; ageSeconds: number | null; overdue: boolean } | undefined {
  const state = holder[key];
  if (!state) return undefined;
  const { lastGood, intervalMs, since } = state;
  return {
    last: lastGood?.toISOString() ?? null,
    ageSeconds: lastGood ? Math.round((now - lastGood.getTime()) / 1000) : null,
    overdue: now - (lastGood?.getTime() ?? since) > 2 * intervalMs,
  };
}

function oneLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, ' ');
}
