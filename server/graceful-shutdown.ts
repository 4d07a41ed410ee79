// Stopping the server without cutting anyone off: on SIGTERM or SIGINT it stops accepting connections, finishes
// the requests it has taken (for at most `timeoutMs`), then runs the shutdown tasks (lib/runtime/lifecycle.ts: the
// outbox worker, the database) and exits 0.
import type { Server, ServerResponse } from 'node:http';
import { Server as NetServer } from 'node:net';
import { beginShutdown, runShutdownTasks } from '../lib/runtime/lifecycle.ts';

/**
 * Makes `server` stop gracefully on SIGTERM and SIGINT. Call before it listens. Returns `stop`, which does the
 * same as a signal and resolves when the connections are closed and the tasks have run (the process then exits
 * with `exit`'s code).
 */
export function stopGracefully(
  server: Server,
  {
    timeoutMs = 10_000,
    idleMs = 500,
    exit = (code: number): void => process.exit(code),
    log = (line: string): void => console.log(line),
  }: { timeoutMs?: number; idleMs?: number; exit?: (code: number) => void; log?: (line: string) => void } = {},
): () => Promise<void> {
  const inProgress = new Set<ServerResponse>();
  let stopping: Promise<void> | undefined;
  // Before the site's handler, which may answer from memory at once: every answer given while stopping closes its
  // connection, so the client sends its next request to an instance that is up.
  server.prependListener('request', (request, response) => {
    inProgress.add(response);
    response.on('close', () => inProgress.delete(response));
    if (stopping) response.setHeader('connection', 'close');
  });

  const stop = () => {
    stopping ??= (async () => {
      beginShutdown();
      log(`Stopping: no new connections; finishing ${inProgress.size} request(s) in progress`);
      const closed = new Promise<void>((resolve) => {
        // net.Server's close, not http.Server's: that one also drops idle keep-alive connections at once, and a
        // client's next request may be on its way on one of them. They are closed below, once idle for idleMs.
        NetServer.prototype.close.call(server, () => resolve());
      });
      for (const response of inProgress) if (!response.headersSent) response.setHeader('connection', 'close');
      const idleSweep = setInterval(() => server.closeIdleConnections(), idleMs);
      const deadline = setTimeout(() => {
        log(`Stopping: ${inProgress.size} request(s) still running after ${timeoutMs} ms, closing them`);
        server.closeAllConnections();
      }, timeoutMs);
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
