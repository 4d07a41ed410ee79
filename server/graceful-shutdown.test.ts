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
  const stop = stopGracefully(server, { timeoutMs, idleMs: 50, exit: (code) => exits.push(code), log: () => {} });
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

function get(port: number): Promise<{ status: number; connection?: string; body: string } | { error: string }> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path: '/' }, (response) => {
      let body = '';
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, connection: response.headers.connection, body }),
      );
    });
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
    req.end();
  });
}

describe('stopGracefully', () => {
  it('finishes a request in progress, telling the client to close, refuses new connections, and exits 0', async () => {
    const { port, stop, exits } = await start(300);
    const inProgress = get(port);
    await new Promise((resolve) => setTimeout(resolve, 100)); // the request has been taken
    const stopped = stop();
    expect(await get(port)).toEqual({ error: 'ECONNREFUSED' });
    expect(await inProgress).toEqual({ status: 200, connection: 'close', body: 'done' });
    await stopped;
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
