import { createServer, request, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { stopGracefully } from './graceful-shutdown.ts';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

/** A server whose handler answers after `delayMs` (never, when undefined), stopped by stopGracefully. */
async function start(delayMs: number | undefined, timeoutMs = 10_000) {
  const server: Server = createServer((_, response) => {
    if (delayMs !== undefined) setTimeout(() => response.end('done'), delayMs);
  });
  const exits: number[] = [];
  const stop = stopGracefully(server, {
    timeoutMs,
    quietMs: 200,
    drainMs: 1_000,
    idleMs: 50,
    retryAfterSeconds: 1,
    exit: (code) => exits.push(code),
    log: () => {},
  });
  cleanups.push(() => {
    process.off('SIGTERM', stop);
    process.off('SIGINT', stop);
    server.closeAllConnections();
    server.close();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { port, stop, exits };
}

type Outcome = { status: number; connection?: string; retryAfter?: string; body: string } | { error: string };

/** A GET on a new connection. */
function get(port: number): Promise<Outcome> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path: '/', agent: false }, (response) => {
      let body = '';
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => {
        const { connection, 'retry-after': retryAfter } = response.headers;
        resolve({ status: response.statusCode ?? 0, connection, ...(retryAfter && { retryAfter }), body });
      });
    });
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
    req.end();
  });
}

describe('stopGracefully', () => {
  it('finishes a request in progress, telling the client to close, answers new ones 503, then closes', async () => {
    const { port, stop, exits } = await start(300);
    const inProgress = get(port);
    await new Promise((resolve) => setTimeout(resolve, 100)); // the request has been taken
    const stopped = stop();
    const unavailable = {
      status: 503,
      connection: 'close',
      retryAfter: '1',
      body: 'Service unavailable: this server is stopping. Please try again in a few seconds.\n',
    };
    // New connections are still taken, and answered at once.
    expect(await get(port)).toEqual(unavailable);
    expect(await get(port)).toEqual(unavailable);
    expect(await inProgress).toEqual({ status: 200, connection: 'close', body: 'done' });
    // Once no connection has come for quietMs, the listener is closed.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await get(port)).toEqual({ error: 'ECONNREFUSED' });
    await stopped;
    expect(exits).toEqual([0]);
  });

  it('takes connections while they keep coming, and no client that waits as Retry-After says is reset', async () => {
    const { port, stop, exits } = await start(0);
    const started = performance.now();
    const stopped = stop();
    const outcomes: Outcome[] = [];
    // Four clients, each on a new connection: the first requests come at once, each client's next after its
    // Retry-After.
    await Promise.all(
      Array.from({ length: 4 }, async (_, n) => {
        await new Promise((resolve) => setTimeout(resolve, n * 30));
        for (;;) {
          const outcome = await get(port);
          outcomes.push(outcome);
          if ('error' in outcome) break;
          await new Promise((resolve) => setTimeout(resolve, Number(outcome.retryAfter) * 1_000));
        }
      }),
    );
    await stopped;
    expect(performance.now() - started).toBeLessThan(1_500);
    expect(outcomes.map((outcome) => ('error' in outcome ? outcome.error : outcome.status))).toEqual([
      ...Array(4).fill(503),
      ...Array(4).fill('ECONNREFUSED'),
    ]);
    expect(exits).toEqual([0]);
  });

  it('closes the listener drainMs after the signal, however often connections come', async () => {
    const { port, stop, exits } = await start(0);
    const started = performance.now();
    const stopped = stop();
    const statuses = new Set<number>();
    let closedAfter = 0;
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        for (;;) {
          const outcome = await get(port);
          if ('error' in outcome) break;
          statuses.add(outcome.status);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        closedAfter = Math.max(closedAfter, performance.now() - started);
      }),
    );
    await stopped;
    expect([...statuses]).toEqual([503]);
    expect(closedAfter).toBeGreaterThanOrEqual(950);
    expect(closedAfter).toBeLessThan(1_500);
    expect(exits).toEqual([0]);
  });

  it('closes what is still running after timeoutMs, then exits', async () => {
    const { port, stop, exits } = await start(undefined, 300);
    const hung = get(port);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = performance.now();
    await stop();
    expect(performance.now() - started).toBeGreaterThanOrEqual(250);
    expect(await hung).toHaveProperty('error');
    expect(exits).toEqual([0]);
  });
});
