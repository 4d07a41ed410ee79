// Before the server opens its port, a few requests go through it on a loopback port of their own, so the first
// visitors find Next.js's code for a page loaded and compiled instead of waiting while it is: on a busy machine the
// first page through Next.js took over half a second, the ones after it a few milliseconds.
import { createServer } from 'node:http';

/** Sends GET `paths` (`rounds` times each) through `server`'s request handling, before it listens. */
export async function warmUp(server, paths, rounds = 3) {
  const loopback = createServer((request, response) => server.emit('request', request, response));
  await new Promise((resolve) => loopback.listen(0, '127.0.0.1', resolve));
  const { port } = loopback.address();
  try {
    for (let round = 0; round < rounds; round++) {
      for (const path of paths) await (await fetch(`http://127.0.0.1:${port}${path}`)).arrayBuffer();
    }
  } finally {
    loopback.closeAllConnections();
    await new Promise((resolve) => loopback.close(resolve));
  }
}
