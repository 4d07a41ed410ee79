// The production server `npm start` runs: Next.js behind a plain node:http server. Next.js itself sets the security
// headers (next.config.ts), so this server is an accelerator and a guard, never the only place something is right:
// - it gives routes the client's address from the connection (lib/http/peer-address.mjs);
// - it answers every request, malformed ones with 400, within set timeouts, and caps its connections;
// - it sends prerendered pages straight from memory (server/prerendered.mjs), with the headers Next.js would send;
// - it listens only once the database is open, and stops without cutting anyone off (server/graceful-shutdown.mjs).
import { createServer, STATUS_CODES } from 'node:http';
import next from 'next';
import { declarePeerAddressHeader, peerAddressHeader } from '../lib/http/peer-address.mjs';
import { stopGracefully } from './graceful-shutdown.mjs';
import { handleSignalsInServer, started } from '../lib/runtime/lifecycle.ts';
import { configuredHeaders, loadPrerendered, servePrerendered } from './prerendered.mjs';
import { originForm } from './request-target.mjs';
import { warmUp } from './warm-up.mjs';

const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOSTNAME || 'localhost';
/** Documented in the README: a slow or stalled client cannot hold a connection longer than these. */
const limits = {
  headersTimeoutMs: Number(process.env.HEADERS_TIMEOUT_MS) || 10_000,
  requestTimeoutMs: Number(process.env.REQUEST_TIMEOUT_MS) || 30_000,
  keepAliveTimeoutMs: 5_000,
  maxConnections: Number(process.env.MAX_CONNECTIONS) || 1024,
};

declarePeerAddressHeader();
const app = next({ dev: false, hostname, port });
const handle = app.getRequestHandler();
handleSignalsInServer();
await app.prepare();
// Listen only once the database is open and migrated (instrumentation.ts), or start-up would stall the first answers.
await started();
const prerendered = loadPrerendered();
// This server's own answers (400s) carry the security headers Next.js gives every response.
const ownHeaders = configuredHeaders()('/') ?? {};

/** Answers with a status and a one-line plain-text reason, unless a response has already started. */
function answer(response, status, reason) {
  if (response.headersSent) return response.destroy();
  response.writeHead(status, { ...ownHeaders, 'content-type': 'text/plain; charset=utf-8', connection: 'close' });
  response.end(`${reason}\n`);
}

const server = createServer(
  {
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    // Timeouts are checked this often (Node's default, 30 s, would let a request run for up to twice its limit).
    connectionsCheckingInterval: 1_000,
  },
  (request, response) => {
    const target = originForm(request.url ?? '');
    if (target === undefined) return answer(response, 400, 'Bad request: the request target is not a path.');
    request.url = target;
    // Overwrites whatever a client sent under this name.
    request.headers[peerAddressHeader] = request.socket.remoteAddress ?? 'unknown';
    if (servePrerendered(request, response, prerendered)) return;
    handle(request, response).catch((error) => {
      console.error(`${request.method} ${target.slice(0, 200)}:`, error);
      answer(response, 500, 'The server could not answer this request.');
    });
  },
);
server.maxConnections = limits.maxConnections;

// Requests Node.js cannot parse (bad syntax, headers over its 16 KiB limit, timeouts) get a status line too.
server.on('clientError', (error, socket) => {
  if (error.code === 'ECONNRESET' || !socket.writable) return socket.destroy();
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`);
});

stopGracefully(server);
// A page through Next.js (the query string keeps it off the in-memory path), and the readiness check.
await warmUp(server, ['/about?warm-up', '/api/health/ready']);
server.listen(port, hostname, () => {
  console.log(`CoTech site ready on http://${hostname}:${port}`);
});
