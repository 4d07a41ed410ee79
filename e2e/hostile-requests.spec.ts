import fc from 'fast-check';
import { connect } from 'node:net';
import { validEnquiry } from '@/test/enquiry-data';
import { startSite, type SiteServer } from './servers';
import { expect, test } from './site';

// Requests as an attacker sends them, on raw sockets to the real `npm start` server: every one is answered with a
// documented status within a bound, and nothing reaches the log as an uncaught exception. Timeouts are shortened
// (the defaults are 10 s for headers and 30 s for a whole request) so that a trickled request ends quickly here.
test.describe.configure({ mode: 'serial' });

let site: SiteServer;
test.beforeAll(async () => {
  // A new embedded database takes seconds to create, more on a busy machine; the server opens it before it answers.
  test.setTimeout(180_000);
  site = await startSite('npm start', { HEADERS_TIMEOUT_MS: '1000', REQUEST_TIMEOUT_MS: '2000', JOIN_RATE_LIMIT: '2' });
});
test.afterAll(async () => {
  await site?.stop();
});

type Answer = { status: number; milliseconds: number };

/** Writes the request's parts with the given pause between them and reads the status line of the answer. */
function send(parts: readonly string[], pauseMs = 0, boundMs = 5_000): Promise<Answer> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    let received = '';
    const socket = connect(site.port, '127.0.0.1', async () => {
      for (const part of parts) {
        if (socket.destroyed) break;
        socket.write(part);
        if (pauseMs) await new Promise((done) => setTimeout(done, pauseMs));
      }
    });
    socket.setTimeout(boundMs, () => {
      socket.destroy();
      reject(new Error(`no answer within ${boundMs} ms to ${JSON.stringify(parts.join('').slice(0, 120))}`));
    });
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1');
      const status = /^HTTP\/1\.1 (\d{3}) /.exec(received)?.[1];
      if (status) {
        socket.destroy();
        resolve({ status: Number(status), milliseconds: performance.now() - started });
      }
    });
    socket.on('error', () => undefined);
    socket.on('close', () =>
      reject(new Error(`closed without an answer: ${JSON.stringify(parts.join('').slice(0, 120))}`)),
    );
  });
}

const get = (target: string, headers = '') =>
  send([`GET ${target} HTTP/1.1\r\nhost: localhost\r\nconnection: close\r\n${headers}\r\n`]);

const documented = [200, 304, 308, 400, 404, 405, 408, 413, 415, 422, 429, 431];

test('malformed request targets get 400, never a hang or a 500', async () => {
  for (const target of ['//', '///', '//@', '//:', '*', '/%', '/%ff', 'about']) {
    expect((await get(target)).status, target).toBe(400);
  }
});

test('a path of many slashes is answered at once', async () => {
  const answer = await get(`/a${'/'.repeat(16_000)}b`);
  expect(documented).toContain(answer.status);
  console.log(`/a + 16,000 slashes + b: ${answer.status} in ${answer.milliseconds.toFixed(0)} ms`);
  expect(answer.milliseconds).toBeLessThan(250);
});

test('any request target is answered with a documented status', async () => {
  const segment = fc.oneof(
    fc.constantFrom('', '/', '//', '%', '%2f', '%ff', '..', '@', ':', '?', '#', 'about', 'admin', 'api', 'join'),
    fc.string({ maxLength: 20 }).map(encodeURIComponent),
    fc.nat({ max: 5_000 }).map((n) => '/'.repeat(n)),
  );
  const target = fc
    .tuple(fc.constantFrom('/', '//', '', 'http://localhost/', '*'), fc.array(segment, { maxLength: 8 }))
    .map(([start, parts]) => `${start}${parts.join('')}`)
    .filter((value) => value.length > 0 && !/[\s\x00-\x1f\x7f]/.test(value));
  await fc.assert(
    fc.asyncProperty(target, async (value) => {
      expect(documented, value.slice(0, 120)).toContain((await get(value)).status);
    }),
    { numRuns: 150 },
  );
});

test('oversized headers get 431 and headers of any size under the limit are served', async () => {
  await fc.assert(
    fc.asyncProperty(fc.nat({ max: 40_000 }), async (size) => {
      const { status } = await get('/about', `x-padding: ${'a'.repeat(size)}\r\n`);
      expect(size < 15_000 ? [200] : size > 17_000 ? [431] : [200, 431], `${size}`).toContain(status);
    }),
    { numRuns: 25 },
  );
});

test('a trickled request, headers or body, is ended with 408 at its timeout', async () => {
  const headers = await send(['GET /about HTTP/1.1\r\n', 'host: localhost\r\n', 'x-a: 1\r\n', 'x-b: 2\r\n'], 600);
  expect(headers.status).toBe(408);
  const body = JSON.stringify(validEnquiry);
  const head = `POST /api/join HTTP/1.1\r\nhost: localhost\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\n\r\n`;
  const trickled = await send([head, ...body.slice(0, 12)], 400);
  expect(trickled.status).toBe(408);
  expect(trickled.milliseconds).toBeLessThan(4_000);
});

test('a client cannot choose its address: rotating address headers does not lift the rate limit', async () => {
  const statuses = [];
  for (const spoof of [
    '',
    'x-forwarded-for: 198.51.100.1\r\n',
    'x-cotech-peer-address: 198.51.100.2\r\n',
    'x-real-ip: 198.51.100.3\r\n',
  ]) {
    const body = JSON.stringify(validEnquiry);
    statuses.push(
      (
        await send([
          `POST /api/join HTTP/1.1\r\nhost: localhost\r\nconnection: close\r\ncontent-type: application/json\r\n` +
            `content-length: ${Buffer.byteLength(body)}\r\n${spoof}\r\n${body}`,
        ])
      ).status,
    );
  }
  expect(statuses).toEqual([201, 201, 429, 429]);
});

test('nothing was logged as an uncaught exception', () => {
  expect(site.output()).not.toMatch(/uncaught|unhandled|ERR_INVALID_URL|TypeError/i);
});
