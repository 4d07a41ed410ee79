// The server as an operator runs it: real processes of server/server.ts (on the build the webServer made), each
// on its own port and data directory, started, signalled and restarted. Not in a browser: what is tested is the
// process, its lock on the data directory, its shutdown and its start-up.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lockFileName } from '@/lib/db/data-dir-lock';
import { validEnquiry } from '@/test/enquiry-data';
import { signInFromLog as signInThroughLog } from '@/test/sign-in/over-http';
import { baseURL } from '@/playwright.config';
import { npmStartServer } from './servers';
import { expect, test } from '@playwright/test';

test.describe.configure({ mode: 'serial' });

const root = join(__dirname, '..');
// Ports beside the webServer's (E2E_PORT + 10 onwards), so runs on other ports do not collide.
const firstPort = Number(new URL(baseURL).port) + 10;
const dataDirs: string[] = [];
const running = new Set<ChildProcess>();
/** The lifecycle servers' admins: they have no SMTP_URL, so their sign-in links are written to their log. */
const lifecycleAdmin = 'lifecycle@e2e.example';
const secondAdmin = 'lifecycle-second@e2e.example';

type Server = { url: string; pid: number; output: () => string; exited: Promise<number | null> };

function newDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cotech-lifecycle-'));
  dataDirs.push(dir);
  return dir;
}

// Creating a database takes PGlite many seconds on a busy machine; the start-up test creates one, and the others
// start from copies of it (made while no server has it open).
let template: string | undefined;
async function migratedDataDir(): Promise<string> {
  if (!template) {
    const dir = newDataDir();
    const server = startServer(dir, firstPort + 9);
    await firstAnswer(server);
    expect(await stop(server)).toBe(0);
    template = dir;
  }
  const copy = newDataDir();
  cpSync(template, copy, { recursive: true });
  return copy;
}

/** Starts server/server.ts in its own process group; resolves once it is spawned (not once it answers). */
function startServer(dataDir: string, port: number): Server {
  const child = spawn(process.execPath, npmStartServer, {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      PORT: String(port),
      HOSTNAME: '127.0.0.1',
      SITE_URL: baseURL,
      DATA_DIR: dataDir,
      ADMIN_EMAILS: `${lifecycleAdmin},${secondAdmin}`,
      JOIN_RATE_LIMIT: '1000000',
    },
  });
  running.add(child);
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      running.delete(child);
      resolve(code);
    }),
  );
  return { url: `http://127.0.0.1:${port}`, pid: child.pid ?? 0, output: () => output, exited };
}

/** Polls until the server first answers, and returns when that was (performance.now()). */
async function firstAnswer(server: Server, path = '/about', timeoutMs = 90_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void server.exited.then(() => (exited = true));
  for (;;) {
    const answered = await fetch(server.url + path).then(
      (response) => response.ok,
      () => false,
    );
    if (answered) return performance.now();
    if (exited) throw new Error(`the server exited before answering:\n${server.output()}`);
    if (Date.now() > deadline) throw new Error(`no answer within ${timeoutMs} ms:\n${server.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function stop(server: Server): Promise<number | null> {
  process.kill(server.pid, 'SIGTERM');
  return server.exited;
}

async function postEnquiry(url: string, n: number): Promise<Response> {
  return fetch(`${url}/api/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...validEnquiry, coopName: `Lifecycle Co-op ${n}` }),
  });
}

/** Signs in as a lifecycle admin with the link the server writes to its log, and returns the session cookie. */
const signInFromLog = (server: Server, email = lifecycleAdmin) => signInThroughLog(server.url, email, server.output);

/** The ids of every stored enquiry, from the members' CSV. */
/** The references of the enquiries the server has stored, from its CSV, whose rows start with the reference. */
async function storedReferences(server: Server): Promise<Set<string>> {
  const csv = await fetch(`${server.url}/admin/enquiries.csv`, { headers: { cookie: await signInFromLog(server) } });
  expect(csv.status).toBe(200);
  return new Set([...(await csv.text()).matchAll(/^"([A-Z]-[2-9A-Z]{4})"/gm)].map((match) => match[1] ?? ''));
}

test.afterEach(() => {
  // Whatever a failed test left running: by process group, which is the child's own.
  for (const child of running) if (child.pid) process.kill(-child.pid, 'SIGKILL');
});
test.afterAll(() => {
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
});

test('from its first answer, no page waits 500 ms or more, on a new data directory and on a restart', async () => {
  test.setTimeout(120_000);
  const dataDir = newDataDir();
  const bound = 500;
  const port = firstPort + 3;
  for (const start of ['new data directory', 'restart']) {
    const server = startServer(dataDir, port);
    const answeredAt = await firstAnswer(server);
    let worst = { ms: 0, path: '' };
    let requests = 0;
    // /about from memory, and with a query string through Next.js's pipeline.
    while (performance.now() - answeredAt < 15_000) {
      for (const path of ['/about', `/about?x=${requests}`]) {
        const started = performance.now();
        const response = await fetch(server.url + path);
        await response.arrayBuffer();
        const ms = performance.now() - started;
        expect(response.status, path).toBe(200);
        if (ms > worst.ms) worst = { ms, path };
        requests++;
      }
    }
    console.log(
      `start-up (${start}): worst of ${requests} page requests in the 15 s after the first answer: ` +
        `${worst.ms.toFixed(0)} ms (${worst.path}); ${server.output().match(/opened and migrated in \d+ ms/)?.[0]}`,
    );
    expect(worst.ms).toBeLessThan(bound);
    expect(await stop(server)).toBe(0);
  }
  template ??= dataDir;
});

test('after a restart, a member returning with a session cookie, valid or forged, stops no sign-in mail', async () => {
  // The fault this guards against: better-auth's object lives on globalThis and is made by whichever bundle asks
  // first; made by a page (a returning cookie), its mail callbacks read a store that the sign-in route never filled,
  // and from then on no sign-in request mailed anything until the next restart.
  test.setTimeout(150_000);
  const dataDir = await migratedDataDir();
  const port = firstPort + 5;
  let server = startServer(dataDir, port);
  await firstAnswer(server);
  const valid = await signInFromLog(server);
  expect(await stop(server)).toBe(0);
  const token = /better-auth\.session_token=([^;]+)/.exec(valid)?.[1] ?? '';
  expect(token).not.toBe('');
  const returning = {
    valid,
    // Signed with no key this site has, for a session that does not exist.
    forged: valid.replace(token, `${'x'.repeat(32)}.${'A'.repeat(43)}%3D`),
  };
  for (const [kind, cookie] of Object.entries(returning)) {
    server = startServer(dataDir, port);
    await firstAnswer(server);
    const page = await fetch(`${server.url}/admin/enquiries`, { headers: { cookie }, redirect: 'manual' });
    expect(page.status, `the ${kind} cookie's page`).toBe(kind === 'valid' ? 200 : 307);
    for (const email of [secondAdmin, lifecycleAdmin]) {
      expect(await signInFromLog(server, email), `${email} after a ${kind} cookie`).toContain('session_token=');
    }
    expect(server.output()).not.toContain('sign-in mail not queued');
    expect(await stop(server)).toBe(0);
  }
});

test('a second server on the same data directory refuses to start, and a restart keeps every enquiry', async () => {
  test.setTimeout(120_000);
  const dataDir = await migratedDataDir();
  const first = startServer(dataDir, firstPort);
  await firstAnswer(first);
  const ids = [];
  for (let n = 0; n < 20; n++) {
    const response = await postEnquiry(first.url, n);
    expect(response.status).toBe(201);
    ids.push(((await response.json()) as { reference: string }).reference);
  }

  const second = startServer(dataDir, firstPort + 1);
  expect(await second.exited).not.toBe(0);
  const refusal = second.output().trim().split('\n').at(-1) ?? '';
  expect(refusal).toBe(
    `The data directory ${dataDir} is in use by process ${first.pid}: one process at a time may use embedded ` +
      'PGlite. Stop that process, or set DATABASE_URL to a PostgreSQL server to run several instances.',
  );
  expect(second.output()).not.toContain('CoTech site ready'); // it never listened
  const after = await postEnquiry(first.url, 20); // and the first is untouched
  expect(after.status).toBe(201);
  ids.push(((await after.json()) as { reference: string }).reference);

  expect(await stop(first)).toBe(0);
  const restarted = startServer(dataDir, firstPort);
  await firstAnswer(restarted);
  const stored = await storedReferences(restarted);
  expect(ids.filter((id) => !stored.has(id))).toEqual([]);
  expect(stored.size).toBe(21);
  expect(await stop(restarted)).toBe(0);
});

test('SIGTERM under load: every request taken is answered, none is reset, every acknowledged enquiry is kept', async () => {
  test.setTimeout(120_000);
  const dataDir = await migratedDataDir();
  const server = startServer(dataDir, firstPort + 2);
  await firstAnswer(server);
  const acknowledged: string[] = [];
  const cutOff: string[] = [];
  const unavailable: string[] = [];
  let refused = 0;
  let signalled = false;
  let answeredAfterSignal = 0;

  // Eight visitors posting enquiries one after another, each on a new connection: the connections the kernel has
  // accepted when the signal comes are the ones a closing listener would reset. After a 503 a visitor waits as
  // its Retry-After says, then tries again.
  const visitor = async (v: number) => {
    for (let n = 0; ; n++) {
      type Outcome = { status: number; headers: IncomingHttpHeaders; body: string } | { error: string };
      const outcome = await new Promise<Outcome>((resolve) => {
        const body = JSON.stringify({ ...validEnquiry, coopName: `Visitor ${v} enquiry ${n}` });
        const req = httpRequest(
          `${server.url}/api/join`,
          { method: 'POST', agent: false, headers: { 'content-type': 'application/json' } },
          (res) => {
            let text = '';
            res.on('data', (chunk) => (text += chunk));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
            res.on('error', (error) => resolve({ error: `${(error as NodeJS.ErrnoException).code} ${error.message}` }));
          },
        );
        req.on('error', (error) => resolve({ error: `${(error as NodeJS.ErrnoException).code} ${error.message}` }));
        req.end(body);
      });
      if ('error' in outcome) {
        // Connecting after the server stopped listening is refused: that request was never taken.
        if (outcome.error.startsWith('ECONNREFUSED')) refused++;
        else cutOff.push(outcome.error);
        break;
      }
      if (outcome.status === 503 && signalled) {
        expect(outcome.headers.connection).toBe('close');
        unavailable.push(outcome.body);
        await new Promise((resolve) => setTimeout(resolve, Number(outcome.headers['retry-after']) * 1_000));
        continue;
      }
      expect(outcome.status, outcome.body).toBe(201);
      acknowledged.push((JSON.parse(outcome.body) as { reference: string }).reference);
      if (signalled) answeredAfterSignal++;
    }
  };
  const visitors = Promise.all(Array.from({ length: 8 }, (_, v) => visitor(v)));
  // Signalled once the load is established: the site's first enquiries are slower.
  for (const until = Date.now() + 30_000; acknowledged.length < 40 && Date.now() < until;) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const before = acknowledged.length;
  signalled = true;
  process.kill(server.pid, 'SIGTERM');
  await visitors;
  const code = await server.exited;
  console.log(
    `SIGTERM under load: ${before} enquiries acknowledged before the signal, ${answeredAfterSignal} after it, ` +
      `${unavailable.length} answered 503, ${refused} visitors refused afterwards, ${cutOff.length} cut off`,
  );
  expect(cutOff).toEqual([]);
  expect(code).toBe(0);
  expect(before).toBeGreaterThan(0);
  // Every visitor's request after the signal was answered 503 while the listener was open, or refused once not.
  expect(unavailable.length).toBeGreaterThan(0);
  expect(new Set(unavailable)).toEqual(
    new Set(['Service unavailable: this server is stopping. Please try again in a few seconds.\n']),
  );
  expect(refused).toBe(8);
  expect(server.output()).toContain('Stopped');

  const restarted = startServer(dataDir, firstPort + 2);
  await firstAnswer(restarted);
  const stored = await storedReferences(restarted);
  expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
  expect(await stop(restarted)).toBe(0);
});

test('a lock left by a process that was killed is taken over', async () => {
  test.setTimeout(90_000);
  const dataDir = await migratedDataDir();
  const dead = spawn(process.execPath, ['-e', '0']);
  await new Promise((resolve) => dead.on('exit', resolve));
  const lockFile = join(dataDir, lockFileName);
  writeFileSync(lockFile, `${dead.pid}\n`);
  const server = startServer(dataDir, firstPort + 4);
  await firstAnswer(server, '/api/health/ready');
  expect(readFileSync(lockFile, 'utf8')).toBe(`${server.pid}\n`);
  expect(await stop(server)).toBe(0);
  expect(() => readFileSync(lockFile)).toThrow(/ENOENT/);
});
