// Whether the database failed the request Next.js is rendering, so that `npm start`'s server (server/server.ts)
// answers a page or a Server Action that lost its database with 503 and Retry-After, as the route handlers do
// (lib/http/database-unavailable.ts), instead of the 500 Next.js gives any error thrown while rendering. Next.js
// reports such an error to instrumentation.ts (`onRequestError`), which marks the request here; the server reads
// the mark when the response's status is written. server/server.ts and Next.js's bundle each get their own copy of
// this module, so the store lives on globalThis. Plain TypeScript importing only Node.js: Node.js runs it as it is.
import { AsyncLocalStorage } from 'node:async_hooks';

/** How long a client is asked to wait when the database cannot be reached. */
export const databaseRetryAfterSeconds = 30;

export type DatabaseOutcome = { unavailable: boolean };

const key = Symbol.for('cotech.databaseOutcome');
const holder = globalThis as typeof globalThis & { [key]?: AsyncLocalStorage<DatabaseOutcome> };
const storage = (holder[key] ??= new AsyncLocalStorage<DatabaseOutcome>());

/** Runs a request's handling with an outcome of its own, which the handling may mark. */
export function withDatabaseOutcome<T>(run: (outcome: DatabaseOutcome) => T): T {
  const outcome: DatabaseOutcome = { unavailable: false };
  return storage.run(outcome, () => run(outcome));
}

/** Marks the request being handled as failed by the database (no-op outside withDatabaseOutcome). */
export function markDatabaseUnavailable(): void {
  const outcome = storage.getStore();
  if (outcome) outcome.unavailable = true;
}
