import 'server-only';
import { bootstrapAdmins } from '@/lib/auth/accounts';
import { issueRequestedSignIns } from '@/lib/auth/sign-in';
import { getDb, shutDownDb } from '@/lib/db';
import { DataDirLockedError } from '@/lib/db/data-dir-lock';
import { unknownAddressWarning } from '@/lib/http/client-address';
import { createMailer, startOutboxWorker, stopOutboxWorker } from '@/lib/mail/worker';
import { checkContentRepository } from '@/lib/proposals/check';
import { redact } from '@/lib/proposals/git';
import { proposalPollMs, proposalSettings } from '@/lib/proposals/settings';
import { startProposalWorker, stopProposalWorker } from '@/lib/proposals/worker';
import { settingsOrExit, type Settings } from '@/lib/settings';
import { startBackups } from './backups';
import { createPruner, createUpkeep } from './housekeeping';
import { beginShutdown, markStarted, onShutdown, runShutdownTasks, signalsHandledByServer } from './lifecycle';
import { outboxSettings } from './site-mail';

/**
 * What the server does before it answers anyone (instrumentation.ts): checks the settings (a bad one stops the
 * start, in one line), says if client addresses cannot be known, opens and migrates the database, saying how long
 * that took, gives each address in ADMIN_EMAILS without an account an admin account, starts the outbox worker and
 * the worker that pushes co-ops' proposals to the content repository (lib/proposals), the backups
 * (lib/runtime/backups.ts), with the housekeeping after each outbox round (pruning, review reminders, link checks:
 * lib/runtime/housekeeping.ts), and arranges for all of them to stop cleanly at shutdown.
 */
export async function openAtStart(): Promise<void> {
  const current = settingsOrExit();
  const warning = unknownAddressWarning(current.TRUST_PROXY);
  if (warning) console.warn(warning);
  try {
    await openDatabaseAtStart(current);
    const pruner = createPruner(current.RETENTION_MONTHS);
    const upkeep = createUpkeep(
      current.LINK_CHECK_DAYS > 0
        ? {
            intervalMs: current.LINK_CHECK_DAYS * 24 * 60 * 60_000,
            allowedNetworks: current.LINK_CHECK_ALLOWED_NETWORKS,
          }
        : undefined,
    );
    startOutboxWorker({
      mailer: createMailer(current.SMTP_URL),
      settings: outboxSettings(current),
      pollMs: current.OUTBOX_POLL_MS,
      beforeRound: issueRequestedSignIns,
      afterRound: async (db) => {
        await pruner(db);
        await upkeep(db);
      },
    });
    onShutdown(stopOutboxWorker);
    startProposals(current);
    // Its shutdown tasks (the last scheduled backup among them) run before the database closes.
    await startBackups(current);
    onShutdown(shutDownDb);
    if (!signalsHandledByServer()) stopOnSignalsUnderNextStart(current.NEXT_MANUAL_SIG_HANDLE);
  } finally {
    markStarted();
  }
}

/**
 * The proposals' worker, stopped at shutdown before the database closes; and, with `CONTENT_GIT_URL`, one check of
 * the content repository in the background, whose one line in the log says what works (lib/proposals/check.ts).
 */
function startProposals(current: Settings) {
  try {
    const settings = proposalSettings(current);
    startProposalWorker({ settings, pollMs: proposalPollMs });
    onShutdown(stopProposalWorker);
    if (settings.address) {
      checkContentRepository(settings).then(
        (check) => (check.writable ? console.info : console.warn)(check.line),
        (error: unknown) =>
          console.warn(`proposals: the content repository could not be checked: ${redact(String(error))}`),
      );
    }
  } catch (error) {
    // Proposals wait in the database; the site still serves everything else.
    console.error(`proposals: the worker could not start: ${error instanceof Error ? error.message : error}`);
  }
}

async function openDatabaseAtStart(current: Settings) {
  const started = performance.now();
  const where = current.DATABASE_URL
    ? 'the PostgreSQL server in DATABASE_URL'
    : `embedded PGlite in ${current.DATA_DIR.inMemory ? 'memory' : current.DATA_DIR.path}`;
  try {
    const db = await getDb();
    console.log(`Database (${where}) opened and migrated in ${Math.round(performance.now() - started)} ms`);
    const added = await bootstrapAdmins(db, current.ADMIN_EMAILS);
    if (added.length > 0) console.log(`ADMIN_EMAILS: ${added.length} admin account(s) added`);
  } catch (error) {
    // Two processes on one data directory lose each other's writes: refuse to start, in one line.
    if (error instanceof DataDirLockedError) {
      console.error(error.message);
      process.exit(1);
    }
    // A database server that is down is not a reason to stop serving pages: enquiries answer 503 and readiness
    // says so until it is back, and every later use tries again.
    console.error(`Database (${where}) could not be opened: ${error instanceof Error ? error.message : error}`);
  }
}

/**
 * Under `next start`, Next.js handles SIGTERM and SIGINT itself: it stops accepting connections, waits for the
 * requests it has, and exits with 128 + the signal. It offers the app no hook to run after that, so this runs
 * beside it: readiness answers 503, the outbox worker stops and releases its claims, and the database closes (an
 * enquiry still in flight then answers 503 with Retry-After; server/server.ts waits for requests first). The data
 * directory's lock is released at exit whatever happens. With NEXT_MANUAL_SIG_HANDLE set, Next.js leaves signals
 * to the app, and this exits 0 once done.
 */
function stopOnSignalsUnderNextStart(exitWhenDone: boolean) {
  const stop = async () => {
    beginShutdown();
    const ok = await runShutdownTasks();
    if (exitWhenDone) process.exit(ok ? 0 : 1);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
