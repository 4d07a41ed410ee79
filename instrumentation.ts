// Runs once when a server instance starts: opens and migrates the database, saying how long that took, and starts
// delivering the mail outbox. Next.js starts it when it creates its server and holds every request it handles
// until it is done; server/server.mjs also waits for it before it listens (see started() in server/lifecycle.mjs),
// so no visitor waits while embedded PGlite opens on the server's one thread.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { openAtStart } = await import('./lib/runtime/startup');
  await openAtStart();
}
