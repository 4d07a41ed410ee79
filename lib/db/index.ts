import 'server-only';
import { join } from 'node:path';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock';
import * as schema from './schema';
import { settings, type DataDir, type Settings } from '@/lib/settings';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

const migrationsFolder = join(process.cwd(), 'drizzle');
// Any fixed number: instances starting together on one server take turns applying migrations.
const migrationLock = 7_274_001;

// Next.js bundles instrumentation and each route separately, so module state is not shared between them. The
// connection lives on globalThis: one PGlite per data directory per process, whichever bundle asks first. So do
// the data directory locks, by PGlite client, for whichever bundle closes it, and the mark of an embedded
// connection, for whichever bundle asks (an erasure from a Server Action's bundle, on the connection instrumentation
// opened, once read a mark of its own bundle's and took embedded PGlite for a server).
const shared = globalThis as typeof globalThis & {
  cotechDb?: Promise<Database>;
  cotechDbLocks?: WeakMap<object, DataDirLock>;
  cotechDbEmbedded?: WeakSet<Database>;
  cotechDbShutDown?: boolean;
};
const locks = (shared.cotechDbLocks ??= new WeakMap());
const embedded = (shared.cotechDbEmbedded ??= new WeakSet());

/** Whether this is embedded PGlite, whose one connection is the whole engine (its settings are ours). */
export function isEmbedded(db: Database): boolean {
  return embedded.has(db);
}

/**
 * The database, migrated. `DATABASE_URL` (postgres://…) selects a PostgreSQL server; without it the site runs on
 * embedded PGlite under `DATA_DIR`. Nothing connects at import time, and a failed connection is retried on the
 * next call rather than remembered, so the site comes back by itself when the database does.
 */
export function getDb(): Promise<Database> {
  // Once shutdown has closed it, the database stays closed (57P01: the server is shutting down, answered 503).
  if (!shared.cotechDb && shared.cotechDbShutDown) {
    return Promise.reject(Object.assign(new Error('The server is shutting down'), { code: '57P01' }));
  }
  shared.cotechDb ??= openDatabase().catch((error: unknown) => {
    shared.cotechDb = undefined;
    throw error;
  });
  return shared.cotechDb;
}

/** A new, migrated connection as the environment says; the site shares one through `getDb()`. */
export async function openDatabase(where: Pick<Settings, 'DATABASE_URL' | 'DATA_DIR'> = settings()): Promise<Database> {
  const url = where.DATABASE_URL;
  return url ? connectServer(url) : connectEmbedded(where.DATA_DIR);
}

async function connectServer(connectionString: string): Promise<Database> {
  const { Pool } = await import('pg');
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const { migrate } = await import('drizzle-orm/node-postgres/migrator');
  const pool = new Pool({ connectionString, max: 10, connectionTimeoutMillis: 5_000 });
  // A dropped connection must not crash the process. pg emits `error` on the client whether or not it is checked
  // out: the pool listens only while it is idle, so a client inside a transaction (or migrating) whose server goes
  // away would raise an uncaught exception. Every client gets a listener of its own that logs one line per lost
  // connection (pg may emit twice: the server's message, then the socket's end); its queries fail with the error,
  // and the pool drops the client when it comes back, opening a new one for the next query.
  pool.on('connect', (client) => {
    let logged = false;
    client.on('error', (error) => {
      if (!logged) console.error(`database: connection lost (${error.message}); the pool will open a new one`);
      logged = true;
    });
  });
  // An idle client's error reaches the pool too; the client's own listener above has logged it.
  pool.on('error', () => undefined);
  const client = await pool.connect().catch(async (error: unknown) => {
    await pool.end();
    throw error;
  });
  try {
    await client.query('select pg_advisory_lock($1)', [migrationLock]);
    await migrate(drizzle({ client, schema }), { migrationsFolder });
  } finally {
    await client.query('select pg_advisory_unlock($1)', [migrationLock]).catch(() => undefined);
    client.release();
  }
  return drizzle({ client: pool, schema });
}

async function connectEmbedded(dataDir: DataDir): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  // Before PGlite touches the directory: a second process must not even start recovery on it.
  const lock = dataDir.inMemory ? undefined : acquireDataDirLock(dataDir.path);
  try {
    const client = await PGlite.create(dataDir.inMemory ? undefined : dataDir.path);
    if (lock) locks.set(client, lock);
    const db = drizzle({ client, schema });
    embedded.add(db);
    await migrate(db, { migrationsFolder }).catch(async (error: unknown) => {
      await closeDatabase(db);
      throw error;
    });
    return db;
  } catch (error) {
    lock?.release();
    throw error;
  }
}

/** At shutdown: closes the connection for good; a later `getDb()` is refused as the server shutting down. */
export async function shutDownDb(): Promise<void> {
  shared.cotechDbShutDown = true;
  await closeDb();
}

/** For tests: forget the connection so the next `getDb()` opens a fresh one. */
export async function closeDb(): Promise<void> {
  const db = await shared.cotechDb?.catch(() => undefined);
  shared.cotechDb = undefined;
  if (db) await closeDatabase(db);
}

/** Closes a connection, and for embedded PGlite releases its data directory for the next process. */
export async function closeDatabase(db: Database): Promise<void> {
  const client = (db as { $client?: { end?: () => Promise<void>; close?: () => Promise<void> } }).$client;
  try {
    await (client?.close?.() ?? client?.end?.());
  } finally {
    const lock = client && locks.get(client);
    if (client) locks.delete(client);
    lock?.release();
  }
}

const unavailableCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EHOSTUNREACH',
  '57P01',
  '57P03',
]);

/** Whether an error means the database could not be reached (answer 503), not that a query was wrong. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string' && (unavailableCodes.has(code) || code.startsWith('08'))) return true;
    // pg's own words for a lost or unopenable connection: `Connection terminated unexpectedly` when the server
    // goes away, `... is not queryable` for the next query on that client (the rollback drizzle sends after a
    // failed statement in a transaction, which replaces the first error).
    if (/connection terminated|timeout exceeded when trying to connect|not queryable/i.test(cause.message)) {
      return true;
    }
  }
  return false;
}
