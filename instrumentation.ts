// Runs once when a server instance starts: applies migrations and starts delivering the mail outbox.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { unknownAddressWarning } = await import('./lib/enquiries/client-address');
  const warning = unknownAddressWarning();
  if (warning) console.warn(warning);
  const { startOutboxWorker } = await import('./lib/enquiries/worker');
  startOutboxWorker();
}
