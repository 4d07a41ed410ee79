// The production server `npm start` runs: Next.js behind a plain node:http server. Next.js itself sets the security
// headers (next.config.ts), so this server is an accelerator and a guard, never the only place something is right:
// - it gives routes the client's address from the connection (lib/http/peer-address.ts);
// - it answers every request, malformed ones with 400, within set timeouts, and caps its connections;
// - it refuses, before Next.js sees them, a body over its path's limit without reading it (lib/http/body-limit.ts),
//   a query of more parameters than any page takes, and percent-encoded paths Next.js cannot route
//   (server/request-target.ts), and closes such a connection only once the client has stopped sending
//   (server/lingering-close.ts); a browser is told why on a page in the site's layout (lib/http/refusal-pages.ts);
// - it sends prerendered pages straight from memory (server/prerendered.ts), with the headers Next.js would send;
// - it listens only once the database is open, and stops without cutting anyone off (server/graceful-shutdown.ts).
// Node.js runs it as TypeScript (type stripping): only erasable syntax, and imports name their `.ts` files.
import { createServer, STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import next from 'next';
import { bodyRefusal } from '../lib/http/body-limit.ts';
import { databaseRetryAfterSeconds, withDatabaseOutcome, type DatabaseOutcome } from '../lib/http/database-outcome.ts';
import { declarePeerAddressHeader, peerAddressHeader } from '../lib/http/peer-address.ts';
import { handleSignalsInServer, started } from '../lib/runtime/lifecycle.ts';
import { settingsOrExit } from '../lib/settings.ts';
import { stopGracefully } from './graceful-shutdown.ts';
import { closeLingering, wasRefused } from './lingering-close.ts';
import { acceptsHtml, configuredHeaders, loadPrerendered, loadRefusalPages, servePrerendered } from './prerendered.ts';
import { requestTarget } from './request-target.ts';
import { warmUp } from './warm-up.ts';

const {
  PORT: port,
  HOSTNAME: hostname,
  HEADERS_TIMEOUT_MS: headersTimeoutMs,
  REQUEST_TIMEOUT_MS: requestTimeoutMs,
  MAX_CONNECTIONS: maxConnections,
} = settingsOrExit();

declarePeerAddressHeader();
const app = next({ dev: false, hostname, port });
const handle = app.getRequestHandler();
handleSignalsInServer();
await app.prepare();
// Listen only once the database is open and migrated (instrumentation.ts), or start-up would stall the first answers.
await started();
const prerendered = loadPrerendered();
const refusalPages = loadRefusalPages();
// This server's own answers (400s, 413s, 503s while stopping) carry the security headers Next.js gives every response.
const ownHeaders = configuredHeaders()('/') ?? {};

/**
 * Answers with a status and a one-line plain-text reason, unless a response has already started, and closes the
 * connection once the client has stopped sending (server/lingering-close.ts): the request's body is not read. A
 * browser (a request that accepts HTML) is sent the status's page in the site's layout instead, when the build has
 * one (lib/http/refusal-pages.ts), not to be cached.
 */
function answer(request: IncomingMessage, response: ServerResponse, status: number, reason: string): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  closeLingering(response.socket as Socket);
  const page = acceptsHtml(request.headers.accept) ? refusalPages.get(status) : undefined;
  const body = page ?? Buffer.from(`${reason}\n`);
  const headers = page
    ? { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }
    : { 'content-type': 'text/plain; charset=utf-8' };
  response.writeHead(status, { ...ownHeaders, ...headers, 'content-length': body.length, connection: 'close' });
  response.end(body);
}

/**
 * What the server refuses from a request's line and headers alone, before any of its body: answers and returns
 * true, or returns false to go on. Sets the canonical target on the request.
 */
function refusedByHeaders(request: IncomingMessage, response: ServerResponse): boolean {
  const checked = requestTarget(request.url ?? '');
  if ('status' in checked) {
    answer(request, response, checked.status, checked.reason);
    return true;
  }
  const refused = bodyRefusal(checked.path, request.headers['content-length'], request.headers['transfer-encoding']);
  if (refused) {
    answer(request, response, refused.status, refused.reason);
    return true;
  }
  request.url = checked.target;
  return false;
}

/**
 * A page or Server Action whose database could not be reached is answered 503 with Retry-After, not Next.js's 500
 * (instrumentation.ts marks the outcome when Next.js reports the error, before the status is written).
 */
function answerUnavailableDatabaseWith503(response: ServerResponse, outcome: DatabaseOutcome): void {
  const writeHead = response.writeHead;
  response.writeHead = function (this: ServerResponse, status: number, ...rest: unknown[]) {
    if (status !== 500 || !outcome.unavailable) return Reflect.apply(writeHead, this, [status, ...rest]);
    this.setHeader('retry-after', String(databaseRetryAfterSeconds));
    this.setHeader('cache-control', 'no-store');
    // Without Next.js's reason phrase, if it gave one: Node.js then says "Service Unavailable".
    return Reflect.apply(writeHead, this, [503, ...rest.filter((arg) => typeof arg !== 'string')]);
  } as typeof response.writeHead;
}

const server = createServer(
  {
    headersTimeout: headersTimeoutMs,
    requestTimeout: requestTimeoutMs,
    keepAliveTimeout: 5_000,
    // Timeouts are checked this often (Node's default, 30 s, would let a request run for up to twice its limit).
    connectionsCheckingInterval: 1_000,
  },
  (request, response) => {
    if (!refusedByHeaders(request, response)) handleRequest(request, response);
  },
);
server.maxConnections = maxConnections;

/** A request that passed refusedByHeaders: from memory, or through Next.js. */
function handleRequest(request: IncomingMessage, response: ServerResponse): void {
  // Overwrites whatever a client sent under this name.
  request.headers[peerAddressHeader] = request.socket.remoteAddress ?? 'unknown';
  if (servePrerendered(request, response, prerendered)) return;
  withDatabaseOutcome((outcome) => {
    answerUnavailableDatabaseWith503(response, outcome);
    return handle(request, response);
  }).catch((error) => {
    console.error(`${request.method} ${(request.url ?? '').slice(0, 200)}:`, error);
    answer(request, response, 500, 'The server could not answer this request.');
  });
}

// `Expect: 100-continue` (curl's default above 1 MB): a body the headers already refuse is answered at once, with
// no `100 Continue` first, so the client never sends it; any other is told to go on. (Node.js would say
// `100 Continue` to every one by itself.)
server.on('checkContinue', (request: IncomingMessage, response: ServerResponse) => {
  if (refusedByHeaders(request, response)) return;
  response.writeContinue();
  handleRequest(request, response);
});

// Requests Node.js cannot parse (bad syntax, headers over its 16 KiB limit, timeouts) get a status line too.
server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
  // A request refused by its headers has had its one answer: what its body holds (a chunk size that overflows)
  // gets none, and the lingering close ends the connection.
  if (wasRefused(socket)) return;
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`);
});

stopGracefully(server, { headers: ownHeaders });
// A page through Next.js (the query string keeps it off the in-memory path), and the readiness check.
await warmUp(server, ['/about?warm-up', '/api/health/ready']);
server.listen(port, hostname, () => {
  console.log(`CoTech site ready on http://${hostname}:${port}`);
});
