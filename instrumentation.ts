// Runs once when a server instance starts: refuses a Node.js older than the site needs (lib/runtime/node-version.ts:
// `next start` and a standalone build's server.js start here, and on Node.js 20 the start-up below would fail and
// leave every enquiry answered with 500), opens and migrates the database, saying how long that took, and starts
// delivering the mail outbox. Next.js starts it when it creates its server and holds every request it handles
// until it is done; server/server.ts also waits for it before it listens (see started() in lib/runtime/lifecycle.ts),
// so no visitor waits while embedded PGlite opens on the server's one thread.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { refuseOldNode } = await import('./lib/runtime/node-version');
  refuseOldNode();
  const { openAtStart } = await import('./lib/runtime/startup');
  await openAtStart();
}

/**
 * Next.js reports here an error thrown while rendering a page or running a Server Action. When the database could
 * not be reached, the request is marked so that `npm start`'s server answers 503 with Retry-After instead of 500
 * (lib/http/database-outcome.ts); under `next start` it stays 500.
 */
export async function onRequestError(error: unknown) {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const [{ isDatabaseUnavailable }, { markDatabaseUnavailable }] = await Promise.all([
    import('./lib/db'),
    import('./lib/http/database-outcome'),
  ]);
  if (isDatabaseUnavailable(error)) markDatabaseUnavailable();
}
