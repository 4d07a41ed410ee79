// Stopping the server without cutting anyone off. On SIGTERM or SIGINT readiness answers 503 at once
// (lib/runtime/lifecycle.ts), but the server keeps taking connections for a while: a connection the kernel has
// accepted and the server has not taken yet is reset when the listener closes, and its client cannot tell whether
// its POST was stored. So, while requests keep coming, each new one is answered 503 with Retry-After and
// Connection: close; the requests in progress finish; once no connection has arrived for `quietMs` (or `drainMs`
// after the signal, whichever is first) the listener closes; then the tasks run (the outbox worker, the database)
// and the process exits 0. Everything still open `timeoutMs` after the signal is closed.
import type { IncomingMessage, OutgoingHttpHeaders, Server, ServerResponse } from 'node:http';
import { Server as NetServer, type Socket } from 'node:net';
import { beginShutdown, runShutdownTasks } from '../lib/runtime/lifecycle.ts';

type Options = {
  timeoutMs?: number;
  quietMs?: number;
  drainMs?: number;
  idleMs?: number;
  retryAfterSeconds?: number;
  /** Sent with the 503s it answers itself (server/server.ts: the security headers). */
  headers?: OutgoingHttpHeaders;
  exit?: (code: number) => void;
  log?: (line: string) => void;
};

/**
 * Makes `server` stop gracefully on SIGTERM and SIGINT. Call once its request handler is attached and before it
 * listens: the handler is wrapped, so that requests that arrive while stopping never reach it. Returns `stop`,
 * which does the same as a signal and resolves when the connections are closed and the tasks have run (the
 * process then exits with `exit`'s code).
 */
export function stopGracefully(
  server: Server,
  {
    timeoutMs = 10_000,
    quietMs = 500,
    drainMs = 5_000,
    idleMs = 500,
    retryAfterSeconds = 5,
    headers = {},
    exit = (code: number): void => process.exit(code),
    log = (line: string): void => console.log(line),
  }: Options = {},
): () => Promise<void> {
  const inProgress = new Set<ServerResponse>();
  let stopping: Promise<void> | undefined;
  let lastConnectionAt = 0;
  // Each open connection, and whether it is idle after an answer: only those are closed as idle. Node.js's own
  // closeIdleConnections() also closes a connection just taken whose request has not arrived yet, which its client
  // sees as a reset.
  const connections = new Map<Socket, { active: number; answered: boolean }>();
  server.on('connection', (socket: Socket) => {
    lastConnectionAt = performance.now();
    connections.set(socket, { active: 0, answered: false });
    socket.on('close', () => connections.delete(socket));
  });
  const closeIdleConnections = () => {
    for (const [socket, state] of connections) if (state.answered && state.active === 0) socket.destroy();
  };

  const handlers = server.listeners('request') as ((request: IncomingMessage, response: ServerResponse) => void)[];
  server.removeAllListeners('request');
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const connection = connections.get(request.socket);
    if (connection) {
      connection.active++;
      response.on('close', () => {
        connection.active--;
        connection.answered = true;
      });
    }
    if (stopping) {
      // Not read: the body of a request refused unread goes nowhere, and the connection closes after the answer.
      response.writeHead(503, {
        ...headers,
        'content-type': 'text/plain; charset=utf-8',
        'retry-after': String(retryAfterSeconds),
        connection: 'close',
      });
      response.end('Service unavailable: this server is stopping. Please try again in a few seconds.\n');
      return;
    }
    inProgress.add(response);
    response.on('close', () => inProgress.delete(response));
    for (const handler of handlers) handler.call(server, request, response);
  });

  const stop = () => {
    stopping ??= (async () => {
      beginShutdown();
      const signalledAt = performance.now();
      lastConnectionAt = signalledAt;
      log(`Stopping: answering new requests 503; finishing ${inProgress.size} request(s) in progress`);
      // Answers given from now on close their connection, so the client's next request goes to an instance that is up.
      for (const response of inProgress) if (!response.headersSent) response.setHeader('connection', 'close');
      const deadline = setTimeout(() => {
        log(`Stopping: ${inProgress.size} request(s) still running after ${timeoutMs} ms, closing them`);
        server.closeAllConnections();
      }, timeoutMs);

      await new Promise<void>((resolve) => {
        const check = () => {
          const now = performance.now();
          const wait = Math.min(lastConnectionAt + quietMs, signalledAt + drainMs) - now;
          if (wait > 0) setTimeout(check, wait);
          else resolve();
        };
        check();
      });
      const closed = new Promise<void>((resolve) => {
        // net.Server's close, not http.Server's: that one also drops idle connections at once, and a client's next
        // request may be on its way on one of them. Those idle after an answer are closed below, every idleMs.
        NetServer.prototype.close.call(server, () => resolve());
      });
      log(`Stopping: no new connection for ${quietMs} ms, or ${drainMs} ms passed: closed the listener`);
      const idleSweep = setInterval(closeIdleConnections, idleMs);
      await closed;
      clearInterval(idleSweep);
      clearTimeout(deadline);
      const ok = await runShutdownTasks();
      log(ok ? 'Stopped' : 'Stopped, but the shutdown tasks failed');
      exit(ok ? 0 : 1);
    })();
    return stopping;
  };
  // Not once: a terminal's Ctrl-C reaches both npm and the server, and npm passes it on, so a second signal is
  // the same request to stop, not a reason to die at once.
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  return stop;
}
