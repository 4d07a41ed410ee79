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

const documented = [200, 303, 304, 308, 400, 404, 405, 408, 411, 413, 414, 415, 422, 429, 431];

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

const post = (target: string, headers: string, body = '') =>
  send([`POST ${target} HTTP/1.1\r\nhost: localhost\r\nconnection: close\r\n${headers}\r\n${body}`]);

test("a body over its path's limit is refused with 413 from its headers, before any of it is sent", async () => {
  // Only the headers are sent: an answer proves the server did not wait for the body.
  const form = 'content-type: application/x-www-form-urlencoded\r\n';
  for (const [target, length] of [
    ['/sign-in/request', 30 * 1024 * 1024],
    ['/sign-out', 100 * 1024 * 1024],
    ['/sign-in/request', 8 * 1024 + 1],
    ['/sign-in/any-new-route', 8 * 1024 + 1],
    ['/about', 8 * 1024 + 1],
    ['/api/join', 32 * 1024 + 1],
    ['/api/briefs', 32 * 1024 + 1],
  ] as const) {
    const answer = await post(target, `${form}content-length: ${length}\r\n`);
    expect(answer.status, `${target} ${length}`).toBe(413);
    expect(answer.milliseconds).toBeLessThan(1_000);
  }
  // A Server Action, on an admin page: as a browser posts it.
  const action = await post('/admin/enquiries', `next-action: 0123abcd\r\n${form}content-length: ${32 * 1024 + 1}\r\n`);
  expect(action.status).toBe(413);
});

test('a body without a length (chunked) is refused with 411 before it is read', async () => {
  for (const target of ['/sign-in/request', '/sign-out', '/api/join', '/admin/enquiries']) {
    const answer = await post(
      target,
      'content-type: application/json\r\ntransfer-encoding: chunked\r\n',
      '4\r\n{"a"\r\n',
    );
    expect(answer.status, target).toBe(411);
  }
});

/** Sends one request and reads its whole answer: the status, the headers and the body its length gives. */
function answerTo(request: string): Promise<{ status: number; headers: Record<string, string>; body: string }> {
  return new Promise((resolve, reject) => {
    let received = Buffer.alloc(0);
    const socket = connect(site.port, '127.0.0.1', () => socket.write(request));
    socket.setTimeout(5_000, () => {
      socket.destroy();
      reject(new Error(`no whole answer within 5 s to ${JSON.stringify(request.slice(0, 120))}`));
    });
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const end = received.indexOf('\r\n\r\n');
      if (end < 0) return;
      const [statusLine = '', ...lines] = received.subarray(0, end).toString('latin1').split('\r\n');
      const headers = Object.fromEntries(
        lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]),
      );
      const body = received.subarray(end + 4);
      if (body.length < Number(headers['content-length'])) return;
      socket.destroy();
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: body.toString('utf8') });
    });
    socket.on('error', () => undefined);
  });
}

test("a browser is told why on a page in the site's layout; other clients get one line of text", async () => {
  const browser = 'accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8\r\n';
  const form = 'content-type: application/x-www-form-urlencoded\r\n';
  const tooLarge = (accept: string) =>
    answerTo(`POST /api/join HTTP/1.1\r\nhost: localhost\r\n${accept}${form}content-length: ${32 * 1024 + 1}\r\n\r\n`);
  const cases = [
    [await tooLarge(browser), 413, 'That was too much to send'],
    [await answerTo(`GET // HTTP/1.1\r\nhost: localhost\r\n${browser}\r\n`), 400, 'This address cannot be read'],
    [await answerTo(`GET /?${'x=1&'.repeat(101)} HTTP/1.1\r\nhost: localhost\r\n${browser}\r\n`), 414, 'too long'],
    [await answerTo(`GET /sign-in%2Frequest HTTP/1.1\r\nhost: localhost\r\n${browser}\r\n`), 404, 'Page not found'],
  ] as const;
  for (const [answer, status, heading] of cases) {
    expect(answer.status).toBe(status);
    expect(answer.headers['content-type'], `${status}`).toBe('text/html; charset=utf-8');
    expect(answer.headers['cache-control'], `${status}`).toBe('no-store');
    expect(answer.headers['content-security-policy'], `${status}`).toContain("script-src 'self'");
    expect(answer.body, `${status}`).toMatch(new RegExp(`<h1[^>]*>[^<]*${heading}`));
    // The site's layout: its stylesheet, the header's logo and the footer.
    expect(answer.body, `${status}`).toMatch(/<link rel="stylesheet" href="\/_next\/static\/[^"]+\.css"/);
    expect(answer.body, `${status}`).toContain('<footer');
  }
  const plain = await tooLarge('accept: */*\r\n');
  expect(plain.status).toBe(413);
  expect(plain.headers['content-type']).toBe('text/plain; charset=utf-8');
  expect(plain.body).toBe('Content too large: a request here may send at most 32 KiB.\n');
});

/** Sends `parts` on one connection, reads until the server closes it, and returns every status line it answered. */
function exchange(parts: readonly (string | Buffer)[], boundMs = 10_000): Promise<{ statuses: number[] }> {
  return new Promise((resolve, reject) => {
    let received = '';
    const socket = connect(site.port, '127.0.0.1', () => {
      for (const part of parts) if (!socket.destroyed) socket.write(part);
    });
    socket.setTimeout(boundMs, () => {
      socket.destroy();
      reject(new Error(`the connection was still open after ${boundMs} ms`));
    });
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () =>
      resolve({ statuses: [...received.matchAll(/^HTTP\/1\.1 (\d{3}) /gm)].map((match) => Number(match[1])) }),
    );
  });
}

test('an 8 MB form sent whole, as browsers and curl send one, reads its 413 every time: the connection is not reset under it', async () => {
  const body = Buffer.alloc(8 * 1024 * 1024, 'a');
  const head = `POST /sign-in/request HTTP/1.1\r\nhost: localhost\r\ncontent-type: application/x-www-form-urlencoded\r\ncontent-length: ${body.length}\r\n\r\n`;
  const answers = [];
  for (let i = 0; i < 20; i++) answers.push(await exchange([head, body]));
  // The server closes a refused connection only once the client has stopped sending (a lingering close).
  expect(answers.filter(({ statuses }) => statuses.join() !== '413')).toEqual([]);
});

test('with Expect: 100-continue, a body over the limit gets 413 at once and no 100 Continue; one within it goes on', async () => {
  const over = await exchange([
    `POST /sign-in/request HTTP/1.1\r\nhost: localhost\r\nexpect: 100-continue\r\ncontent-length: ${8 * 1024 * 1024}\r\n\r\n`,
  ]);
  expect(over.statuses).toEqual([413]);
  const body = 'email=someone%40example.coop';
  const within = await exchange([
    `POST /sign-in/request HTTP/1.1\r\nhost: localhost\r\nconnection: close\r\nexpect: 100-continue\r\ncontent-type: application/x-www-form-urlencoded\r\ncontent-length: ${body.length}\r\n\r\n`,
    body,
  ]);
  expect(within.statuses).toEqual([100, 303]);
});

test('a refused chunked body gets one answer, whatever follows on its connection (a chunk size that overflows)', async () => {
  const { statuses } = await exchange([
    'POST /api/join HTTP/1.1\r\nhost: localhost\r\ntransfer-encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFFF\r\nabc\r\n',
  ]);
  expect(statuses).toEqual([411]);
});

test('a body within its limit still gets through', async () => {
  const body = `email=someone%40example.coop&padding=${'a'.repeat(7 * 1024)}`;
  const answer = await post(
    '/sign-in/request',
    `content-type: application/x-www-form-urlencoded\r\ncontent-length: ${body.length}\r\n`,
    body,
  );
  expect(answer.status).toBe(303);
});

test('percent-encoded forms of a path are answered as the path is, or 404; never 500', async () => {
  const pairs: [string, string][] = [
    ['/s%69gn-in', '/sign-in'],
    ['/%63ms', '/cms'],
    ['/sign-%69n/check-your-mail', '/sign-in/check-your-mail'],
    ['/j%6fin', '/join'],
    ['/j%6Fin?x=1', '/join?x=1'],
    ['/%61bout', '/about'],
    ['/%61bout?x=1', '/about?x=1'],
    ['/%61dmin/enquiries', '/admin/enquiries'],
    ['/%73ign-out', '/sign-out'],
    ['/api/j%6fin', '/api/join'],
    ['/h%69re', '/hire'],
  ];
  for (const [encoded, plain] of pairs) {
    expect((await get(encoded)).status, encoded).toBe((await get(plain)).status);
  }
  const email = 'email=someone%40example.coop';
  const form = `content-type: application/x-www-form-urlencoded\r\ncontent-length: ${email.length}\r\n`;
  expect((await post('/sign-%69n/request', form, email)).status).toBe(303);
  for (const target of ['/sign-in%2fcheck-your-mail', '/sign-in%2Frequest', '/admin%5cenquiries']) {
    expect((await get(target)).status, target).toBe(404);
  }
});

test("any percent-encoding of a page's path is answered as the page", async () => {
  const paths = ['/sign-in', '/cms', '/join', '/hire', '/about', '/members', '/sign-in/check-your-mail'];
  const plain = new Map<string, number>();
  for (const path of paths) plain.set(path, (await get(path)).status);
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...paths), fc.array(fc.boolean(), { maxLength: 30 }), async (path, encode) => {
      const encoded = [...path]
        .map((c, i) => (c !== '/' && encode[i] ? `%${c.charCodeAt(0).toString(16)}` : c))
        .join('');
      expect((await get(encoded)).status, encoded).toBe(plain.get(path));
    }),
    { numRuns: 60 },
  );
});

test('a query of more than 100 parameters is refused with 414 at once; 100 are served', async () => {
  expect((await get(`/about?${Array.from({ length: 100 }, (_, n) => `x${n}=1`).join('&')}`)).status).toBe(200);
  for (const count of [101, 3_000]) {
    const answer = await get(`/about?${'x=1&'.repeat(count)}`);
    expect(answer.status, `${count}`).toBe(414);
    console.log(`/about with ${count} query parameters: ${answer.status} in ${answer.milliseconds.toFixed(0)} ms`);
    expect(answer.milliseconds).toBeLessThan(100);
  }
});

test('nothing was logged as an uncaught exception, a routing loop or a listener leak', () => {
  expect(site.output()).not.toMatch(
    /uncaught|unhandled|ERR_INVALID_URL|TypeError|too many times|MaxListenersExceeded|exceeded/i,
  );
});
