import 'server-only';
import { getDb } from '@/lib/db';
import { outboxBacklog } from '@/lib/mail/outbox';
import { backupStatus } from './backups';
import { isShuttingDown } from './lifecycle';

// Load balancers give up on a slow answer anyway; a database that takes longer than this is not ready.
const timeoutMs = 2_000;
const headers = { 'cache-control': 'no-store' };

/**
 * `GET /api/health/ready`: 200 when the database answers, with the mail outbox's backlog and, when BACKUP_DIR is
 * set, the age of the last good backup (an overdue backup is reported, not a reason to send visitors elsewhere);
 * 503 otherwise.
 */
export async function readiness(): Promise<Response> {
  if (isShuttingDown()) return Response.json({ database: 'shutting down' }, { status: 503, headers });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    const outbox = await Promise.race([getDb().then(outboxBacklog), timeout]);
    const backup = backupStatus();
    return Response.json({ database: 'ok', outbox, ...(backup && { backup }) }, { headers });
  } catch (error) {
    console.error('readiness:', error instanceof Error ? error.message : error);
    return Response.json({ database: 'unavailable' }, { status: 503, headers });
  } finally {
    clearTimeout(timer);
  }
}

/** `GET /api/health/live`: the process is serving requests. */
export function liveness(): Response {
  return Response.json({ status: 'ok' }, { headers });
}
