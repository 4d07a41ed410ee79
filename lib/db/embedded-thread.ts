// Embedded PGlite in a thread of its own, reached as a PostgreSQL server is: PGlite runs its WebAssembly PostgreSQL
// on whichever JavaScript thread holds it, so on the server's main thread every query held up every request. Here
// a worker thread holds PGlite and serves it with @electric-sql/pglite-socket on a Unix socket, and lib/db talks to
// it with node-postgres, as to a server (docs/database.md). This module starts that thread, watches it, and starts
// it again when it dies or stops answering. Plain TypeScript with no imports but Node's, like data-dir-lock.ts.
//
// pglite-socket's known limits, and what is done about them here and in lib/db:
// - Every connection shares PGlite's one session, and pglite-socket queues each protocol message on its own, so
//   two connections' statements could interleave (electric-sql/pglite#1046): the thread queues a connection's
//   messages as one batch up to Sync (below), so lib/db's connections (8) each run whole statements, and lib/db
//   sets no session state (no SET, no LISTEN/NOTIFY; the outbox polls).
// - One failed call into PGlite leaves its query queue stuck for good (the same issue): the thread reports it and
//   ends, and is started again. A thread whose event loop stops answering (a statement that never ends) is ended
//   by the watchdog here. Queries meanwhile fail as a server that is down fails them (the site answers 503), and
//   readiness says so until the thread is back. An acknowledged write was committed: PGlite had written it to its
//   files, which outlive the thread.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

/** The port number in the socket's name (`.s.PGSQL.5432`), which node-postgres builds from host and port. */
export const socketPort = 5432;

// A script, not a file, so it runs the same from the bundles Next.js makes, from a standalone build and from the
// scripts; it finds PGlite and pglite-socket where the site's own dependencies are (as lib/db/backup.ts's cleaner).
const script = `
const { parentPort, workerData } = require('node:worker_threads');
const { chmodSync, rmSync } = require('node:fs');
const { PGlite } = require(workerData.pglite);
const { PGLiteSocketHandler, PGLiteSocketServer } = require(workerData.socket);

// pglite-socket queues each protocol message on its own, so the messages of two connections' statements can
// interleave (a Parse of one between the Parse and Bind of another replaces its unnamed statement: pglite#1046).
// Here a connection's messages are queued as one batch, up to the message that asks for the answers (Sync, a
// simple Query, Flush...): each statement runs whole, and between transactions (the queue keeps a transaction's
// batches together) the connections can share PGlite safely. Otherwise as the library's own handleData (0.2.18).
const answerNow = new Set(['S', 'Q', 'H', 'X', 'F', 'p', 'c', 'f'].map((letter) => letter.charCodeAt(0)));
function batchLength(buffer) {
  if (buffer.length >= 8 && buffer.readInt32BE(4) === 196608) {
    const length = buffer.readInt32BE(0);
    return buffer.length >= length ? length : 0;
  }
  let offset = 0;
  while (buffer.length >= offset + 5) {
    const end = offset + 1 + buffer.readInt32BE(offset + 1);
    if (end > buffer.length) return 0;
    if (answerNow.has(buffer[offset])) return end;
    offset = end;
  }
  return 0;
}
PGLiteSocketHandler.prototype.handleData = async function (data) {
  if (!this.socket || !this.active) return 0;
  this.messageBuffer = Buffer.concat([this.messageBuffer, data]);
  let sent = 0;
  for (;;) {
    if (this.handleSslRequest() || this.handleCancelRequest()) continue;
    const length = batchLength(this.messageBuffer);
    if (length === 0 || !this.active || !this.socket) break;
    const batch = new Uint8Array(this.messageBuffer.subarray(0, length));
    this.messageBuffer = this.messageBuffer.subarray(length);
    let writeError;
    await this.queryQueue.enqueue(this.id, batch, (answer) => {
      if (answer.length > 0 && this.socket?.writable && this.active) {
        this.socket.write(Buffer.from(answer), (error) => {
          if (error) writeError = error;
        });
      }
      sent += answer.length;
    });
    if (writeError) throw writeError;
  }
  return sent;
};

let db;
let server;
(async () => {
  db = await PGlite.create(workerData.dataDir);
  // The queue's one failure mode that never recovers: a call into PGlite that throws (see the module's comment).
  const run = db.execProtocolRawStream.bind(db);
  const fault = workerData.failWhen && Buffer.from(workerData.failWhen);
  db.execProtocolRawStream = async (...args) => {
    try {
      if (fault && Buffer.from(args[0]).includes(fault)) throw new Error('injected fault');
      return await run(...args);
    } catch (error) {
      parentPort.postMessage({ failed: error instanceof Error ? error.message : String(error) });
      process.exit(1);
    }
  };
  rmSync(workerData.socketPath, { force: true });
  server = new PGLiteSocketServer({ db, path: workerData.socketPath, maxConnections: 32 });
  await server.start();
  // Inside a directory only this user may enter; the socket itself to match.
  chmodSync(workerData.socketPath, 0o600);
  parentPort.postMessage({ ready: true });
})().catch((error) => {
  parentPort.postMessage({ failed: error instanceof Error ? error.message : String(error) });
  process.exit(1);
});
parentPort.on('message', async (message) => {
  if (message === 'ping') {
    parentPort.postMessage('pong');
  } else if (message === 'close') {
    try {
      await server?.stop();
      // A checkpoint writes every change into the data files, so the next start has no WAL to replay.
      if (db && !db.closed) {
        await db.query('checkpoint');
        await db.close();
      }
      parentPort.postMessage({ closed: true });
    } catch (error) {
      parentPort.postMessage({ closed: false, error: error instanceof Error ? error.message : String(error) });
    }
  }
});
`;

export type EmbeddedThreadOptions = {
  /** PGlite's data directory; none keeps the database in memory (and a restart starts it empty). */
  dataDir?: string;
  /** How long the thread may leave a ping unanswered before it is ended and started again. */
  watchdogMs?: number;
  /** Lines for the log: the thread ended or came back. */
  log?: (line: string) => void;
  /** For tests: a call into PGlite whose message holds this text throws, as upstream's one stuck-queue fault. */
  failWhen?: string;
};

export type EmbeddedThread = {
  /** The directory that holds the socket, for node-postgres's `host` (with `socketPort`). */
  readonly socketDir: string;
  /** Whether the thread is serving (false while it starts again). */
  readonly up: boolean;
  /** Resolves once the thread serves again (at once when it does). */
  whenUp(): Promise<void>;
  /** Ends the thread abruptly, as a crash would (for tests); the supervisor starts it again. */
  kill(): Promise<void>;
  /** Checkpoints and closes the database, ends the thread and removes the socket; nothing starts again. */
  close(): Promise<void>;
};

/**
 * Starts PGlite (on `dataDir`, which the caller has locked) in a worker thread serving one socket, and resolves
 * once it answers there. If the thread fails or stops answering later, it is started again (after 100 ms, doubling
 * to at most 5 s while it keeps failing); a thread that cannot start the first time is an error here.
 */
export async function startEmbeddedThread(options: EmbeddedThreadOptions = {}): Promise<EmbeddedThread> {
  const log = options.log ?? ((line: string) => console.error(line));
  const watchdogMs = options.watchdogMs ?? 30_000;
  const resolveFrom = createRequire(join(process.cwd(), 'package.json'));
  const socketDir = mkdtempSync(join(tmpdir(), 'cotech-db-'));
  chmodSync(socketDir, 0o700);
  // A process that exits without closing the database (process.exit, a test runner) leaves no directory behind.
  const removeSocketDir = () => rmSync(socketDir, { recursive: true, force: true });
  process.once('exit', removeSocketDir);
  const workerData = {
    pglite: resolveFrom.resolve('@electric-sql/pglite'),
    socket: resolveFrom.resolve('@electric-sql/pglite-socket'),
    dataDir: options.dataDir,
    failWhen: options.failWhen,
    socketPath: join(socketDir, `.s.PGSQL.${socketPort}`),
  };

  let worker: Worker | undefined;
  let up = false;
  let closing = false;
  let waiting: (() => void)[] = [];
  let retryMs = 100;
  let restartTimer: NodeJS.Timeout | undefined;
  let lastPong = Date.now();

  const start = () =>
    new Promise<void>((resolveStart, rejectStart) => {
      const thread = new Worker(script, { eval: true, workerData });
      // The thread alone does not keep the process alive: its connections and the server's own work do.
      thread.unref();
      worker = thread;
      let started = false;
      thread.on('message', (message: unknown) => {
        if (message === 'pong') {
          lastPong = Date.now();
        } else if (isRecord(message) && message.ready) {
          started = true;
          up = true;
          retryMs = 100;
          lastPong = Date.now();
          for (const wake of waiting) wake();
          waiting = [];
          resolveStart();
        } else if (isRecord(message) && typeof message.failed === 'string') {
          log(`database: the embedded database's thread failed (${message.failed})`);
        }
      });
      thread.on('error', (error) => log(`database: the embedded database's thread failed (${error.message})`));
      thread.on('exit', (code) => {
        if (worker === thread) worker = undefined;
        up = false;
        if (closing) return;
        if (!started) {
          rejectStart(new Error(`The embedded database could not start (its thread ended with code ${code})`));
          return;
        }
        log(`database: the embedded database's thread ended (code ${code}); starting it again`);
        scheduleRestart();
      });
    });

  const scheduleRestart = () => {
    clearTimeout(restartTimer);
    restartTimer = setTimeout(() => {
      start().catch((error: unknown) => {
        log(`database: ${error instanceof Error ? error.message : String(error)}; trying again`);
        retryMs = Math.min(retryMs * 2, 5_000);
        scheduleRestart();
      });
    }, retryMs);
  };

  await start().catch((error: unknown) => {
    process.removeListener('exit', removeSocketDir);
    removeSocketDir();
    throw error;
  });
  // The watchdog: a thread busy in one statement for longer than watchdogMs answers no ping, and is ended.
  const watchdog = setInterval(
    () => {
      if (!worker || !up) return;
      if (Date.now() - lastPong > watchdogMs) {
        log(`database: the embedded database answered nothing for ${watchdogMs} ms; starting it again`);
        void worker.terminate();
        return;
      }
      worker.postMessage('ping');
    },
    Math.min(1_000, watchdogMs / 4),
  );
  watchdog.unref();

  return {
    socketDir,
    get up() {
      return up;
    },
    whenUp: () => (up ? Promise.resolve() : new Promise((wake) => waiting.push(wake))),
    kill: async () => {
      await worker?.terminate();
    },
    close: async () => {
      closing = true;
      clearInterval(watchdog);
      clearTimeout(restartTimer);
      const thread = worker;
      try {
        if (thread && up) {
          const answer = await new Promise<unknown>((resolveAnswer) => {
            thread.on('message', (message: unknown) => {
              if (isRecord(message) && 'closed' in message) resolveAnswer(message);
            });
            thread.once('exit', () => resolveAnswer({ closed: false, error: 'the thread ended' }));
            thread.postMessage('close');
          });
          if (isRecord(answer) && !answer.closed)
            log(`database: the embedded database closed uncleanly (${answer.error})`);
        }
        await thread?.terminate();
      } finally {
        up = false;
        process.removeListener('exit', removeSocketDir);
        removeSocketDir();
      }
    },
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
