import 'server-only';
import { join } from 'node:path';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { Pool, PoolClient, PoolConfig } from 'pg';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock';
import { socketPort, startEmbeddedThread, type EmbeddedThread } from './embedded-thread';
import * as schema from './schema';
import { settings, type DataDir, type Settings } from '@/lib/settings';

export type Database = NodePgDatabase<typeof schema>;

/** The pool under a database lib/db opened (a transaction, also a Database, has none). */
function poolOf(db: Database): Pool | undefined {
  return (db as Database & { $client?: Pool }).$client;
}

const migrationsFolder = join(process.cwd(), 'drizzle');
// Any fixed number: instances starting together on one server take turns applying migrations.
const migrationLock = 7_274_001;

// Next.js bundles instrumentation and each route separately, so module state is not shared between them. The
// connection lives on globalThis: one pool per process, and for embedded PGlite one database thread per data
// directory, whichever bundle asks first. So do the embedded databases' threads and data directory locks, by pool,
// for whichever bundle closes it, and the mark of an embedded connection, for whichever bundle asks (an erasure
// from a Server Action's bundle, on the connection instrumentation opened, once read a mark of its own bundle's
// and took embedded PGlite for a server).
type Embedded = { thread: EmbeddedThread; lock: DataDirLock | undefined };
const shared = globalThis as typeof globalThis & {
  cotechDb?: Promise<Database>;
  cotechDbThreads?: WeakMap<object, Embedded>;
  cotechDbEmbedded?: WeakSet<Database>;
  cotechDbShutDown?: boolean;
};
const threads = (shared.cotechDbThreads ??= new WeakMap());
const embedded = (shared.cotechDbEmbedded ??= new WeakSet());

/** Whether this is embedded PGlite, whose one session is the whole engine (its settings are ours). */
export function isEmbedded(db: Database): boolean {
  return embedded.has(db);
}

/** The thread that serves an embedded database (for its tests); none for a server. */
export function embeddedThreadOf(db: Database): EmbeddedThread | undefined {
  const pool = poolOf(db);
  return pool && threads.get(pool)?.thread;
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

function connectServer(connectionString: string): Promise<Database> {
  return connectPool({ connectionString, max: 10, connectionTimeoutMillis: 5_000 });
}

/**
 * Embedded PGlite, in a thread of its own (lib/db/embedded-thread.ts), reached through its socket as a server is.
 * Every connection shares PGlite's one session: the thread runs one statement at a time, and keeps a transaction's
 * statements together, so several connections only mean that the next statement waits there, ready, rather than
 * here. Nothing may set session state on it. A query that has no answer in 30 s fails, as the thread's watchdog
 * ends the thread.
 */
async function connectEmbedded(dataDir: DataDir): Promise<Database> {
  // Before PGlite touches the directory: a second process must not even start recovery on it.
  const lock = dataDir.inMemory ? undefined : acquireDataDirLock(dataDir.path);
  try {
    const thread = await startEmbeddedThread({ dataDir: dataDir.inMemory ? undefined : dataDir.path });
    try {
      const db = await connectPool(
        {
          host: thread.socketDir,
          port: socketPort,
          user: 'postgres',
          database: 'postgres',
          max: 8,
          connectionTimeoutMillis: 5_000,
          query_timeout: 30_000,
        },
        (pool) => {
          threads.set(pool, { thread, lock });
        },
      );
      embedded.add(db);
      return db;
    } catch (error) {
      await thread.close();
      throw error;
    }
  } catch (error) {
    lock?.release();
    throw error;
  }
}

/**
 * `pool`, whose clients go back to it when their connection is lost while someone holds them. drizzle's pooled
 * transaction sends BEGIN before the try whose finally releases its client (drizzle-team/drizzle-orm#6241, open):
 * a BEGIN on a connection that has just died never gave its client back, and after a few such losses (a database
 * thread started again, a server restarted) every query waited for a client that would never come. A client given
 * back this way is dropped by the pool; a later release of it does nothing.
 */
function releasingOnLoss(pool: Pool): Pool {
  const connect = pool.connect.bind(pool);
  const hold = (client: PoolClient): PoolClient => {
    const release = client.release;
    let released = false;
    const lost = () => client.release(new Error('The connection to the database was lost'));
    client.once('end', lost);
    client.release = (error?: Error | boolean) => {
      client.removeListener('end', lost);
      if (released) return;
      released = true;
      release(error);
    };
    return client;
  };
  // pg-pool's own query() asks with a callback; drizzle asks for a promise.
  pool.connect = ((callback?: Parameters<Pool['connect']>[0]) =>
    callback ? connect(callback) : connect().then(hold)) as Pool['connect'];
  return pool;
}

async function connectPool(config: PoolConfig, opened?: (pool: object) => void): Promise<Database> {
  const { Pool } = await import('pg');
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const { migrate } = await import('drizzle-orm/node-postgres/migrator');
  const pool = releasingOnLoss(new Pool(config));
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
  opened?.(pool);
  const client = await pool.connect().catch(async (error: unknown) => {
    await pool.end();
    throw error;
  });
  try {
    await client.query('select pg_advisory_lock($1)', [migrationLock]);
    await migrate(drizzle({ client, schema }), { migrationsFolder });
  } catch (error) {
    // Closing the connection ends its lock too.
    client.release(true);
    await pool.end();
    throw error;
  }
  await client.query('select pg_advisory_unlock($1)', [migrationLock]).catch(() => undefined);
  client.release();
  return drizzle({ client: pool, schema });
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

/**
 * Closes a connection; for embedded PGlite also checkpoints and closes the database, ends its thread and releases
 * its data directory for the next process.
 */
export async function closeDatabase(db: Database): Promise<void> {
  const pool = poolOf(db);
  const own = pool && threads.get(pool);
  if (pool) threads.delete(pool);
  try {
    await pool?.end();
  } finally {
    try {
      await own?.thread.close();
    } finally {
      own?.lock?.release();
    }
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
    const { code, syscall } = cause as { code?: unknown; syscall?: unknown };
    if (typeof code === 'string' && (unavailableCodes.has(code) || code.startsWith('08'))) return true;
    // The embedded database's socket is missing for a moment while its thread starts again (ENOENT).
    if (syscall === 'connect') return true;
    // pg's own words for a lost or unopenable connection: `Connection terminated unexpectedly` when the server
    // goes away, `... is not queryable` for the next query on that client (the rollback drizzle sends after a
    // failed statement in a transaction, which replaces the first error).
    // `Query read timeout` when a query waited longer than query_timeout (on the embedded database, behind another
    // connection's transaction, a backup's say).
    if (
      /connection terminated|timeout exceeded when trying to connect|not queryable|query read timeout/i.test(
        cause.message,
      )
    ) {
      return true;
    }
  }
  return false;
}
