// Before the server opens its port, a few requests go through it on a loopback port of their own, so the first
// visitors find Next.js's code for a page loaded and compiled instead of waiting while it is: on a busy machine the
// first page through Next.js took over half a second, the ones after it a few milliseconds.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Sends GET `paths` (`rounds` times each) through `server`'s request handling, before it listens. */
export async function warmUp(server: Server, paths: readonly string[], rounds = 3): Promise<void> {
  const loopback = createServer((request, response) => server.emit('request', request, response));
  await new Promise<void>((resolve) => loopback.listen(0, '127.0.0.1', resolve));
  // Listening on a TCP port, so the address is never a pipe's name.
  const { port } = loopback.address() as AddressInfo;
  try {
    for (let round = 0; round < rounds; round++) {
      for (const path of paths) await (await fetch(`http://127.0.0.1:${port}${path}`)).arrayBuffer();
    }
  } finally {
    loopback.closeAllConnections();
    await new Promise<void>((resolve) => loopback.close(() => resolve()));
  }
}
