// The production server: Next.js behind a plain node:http server, so that routes can know the client's
// address (Next.js does not expose the socket, and keeps any X-Forwarded-For a client sends), to set the security
// headers on every response, and to send prerendered pages straight from memory (server/prerendered.mjs).
import { createServer } from 'node:http';
import next from 'next';
import { stopGracefully } from './graceful-shutdown.mjs';
import { handleSignalsInServer, started } from './lifecycle.mjs';
import { loadPrerendered, servePrerendered } from './prerendered.mjs';
import { warmUp } from './warm-up.mjs';
import { headersFor, prerenderedScriptHashes } from './security-headers.mjs';

const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOSTNAME || 'localhost';
const app = next({ dev: false, hostname, port });
const handle = app.getRequestHandler();
handleSignalsInServer();
await app.prepare();
// Listen only once the database is open and migrated (instrumentation.ts), or start-up would stall the first answers.
await started();
const scriptHashes = prerenderedScriptHashes();
const prerendered = loadPrerendered();

const server = createServer((request, response) => {
  // Must match peerAddressHeader in lib/enquiries/client-address.ts.
  request.headers['x-cotech-peer-address'] = request.socket.remoteAddress ?? 'unknown';
  // Set before Next.js writes anything; a header Next.js sets itself (the admin's nonce CSP) replaces these.
  const { pathname } = new URL(request.url ?? '/', 'http://localhost');
  for (const [name, value] of Object.entries(headersFor(pathname, scriptHashes))) response.setHeader(name, value);
  if (!servePrerendered(request, response, prerendered)) handle(request, response);
});
stopGracefully(server);
// A page through Next.js (the query string keeps it off the in-memory path), and the readiness check.
await warmUp(server, ['/about?warm-up', '/api/health/ready']);
server.listen(port, hostname, () => {
  console.log(`CoTech site ready on http://${hostname}:${port}`);
});
