import { spawn } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validEnquiry } from '@/test/enquiry-data';
import { nodeVersionRefusal } from '@/lib/runtime/node-version';
import { oldNode } from '@/test/old-node';
import { freePort, startSite, type SiteServer } from './servers';
import { expect, expectHardened, test } from './site';

// The same build run the standard Next.js way, as a platform, a container or a process manager would: the security
// headers come from next.config.ts, and with no way to know client addresses no request header can choose one.
test.describe.configure({ mode: 'serial' });

let site: SiteServer;
test.beforeAll(async () => {
  // A new embedded database takes seconds to create, more on a busy machine; the server opens it before it answers.
  test.setTimeout(180_000);
  site = await startSite('next start', { JOIN_RATE_LIMIT: '2' });
});
test.afterAll(async () => {
  await site?.stop();
});

test('pages, the 404 and the API carry the security headers', async ({ request }) => {
  const page = await request.get(`${site.url}/about`);
  expect(page.status()).toBe(200);
  expect(expectHardened(page, 'page').get('script-src')).toEqual(["'self'"]);
  expect((await request.get(`${site.url}/no-such-page`)).status()).toBe(404);
  expectHardened(await request.get(`${site.url}/no-such-page`), '404');
  expectHardened(await request.get(`${site.url}/api/join`), 'API 405');
  expectHardened(await request.post(`${site.url}/api/join`, { data: {} }), 'API 422');
});

test('says once at start that client addresses are unknown', () => {
  expect(site.output().match(/Client addresses are unknown/g)).toHaveLength(1);
});

test('no address header a client sends lifts the rate limit', async ({ request }) => {
  const spoofs: Record<string, string>[] = [
    {},
    { 'x-forwarded-for': '198.51.100.1' },
    { 'x-real-ip': '198.51.100.2' },
    { 'x-cotech-peer-address': '198.51.100.3' },
    { 'x-forwarded-for': '198.51.100.4, 198.51.100.5', 'x-real-ip': '198.51.100.6' },
  ];
  const statuses = [];
  for (const headers of spoofs) {
    statuses.push((await request.post(`${site.url}/api/join`, { data: validEnquiry, headers })).status());
  }
  expect(statuses).toEqual([201, 201, 429, 429, 429]);
});

test('a percent-encoded path is redirected to the path, an encoded slash is 404, never 500', async () => {
  for (const [encoded, plain] of [
    ['/s%69gn-in', '/sign-in'],
    ['/%63ms', '/cms'],
    ['/j%6fin?x=1', '/join?x=1'],
    ['/%61bout', '/about'],
    ['/%61dmin/enquiries', '/admin/enquiries'],
  ]) {
    const response = await fetch(`${site.url}${encoded}`, { redirect: 'manual' });
    expect(response.status, encoded).toBe(308);
    const location = new URL(response.headers.get('location') ?? '', site.url);
    expect(`${location.pathname}${location.search}`).toBe(plain);
  }
  const posted = await fetch(`${site.url}/sign-%69n/request`, {
    method: 'POST',
    body: new URLSearchParams({ email: 'someone@example.coop' }),
    redirect: 'manual',
  });
  expect(posted.status).toBe(308);
  expect(posted.headers.get('location')).toMatch(/\/sign-in\/request$/);
  for (const path of ['/sign-in%2fcheck-your-mail', '/j%6fin%2Fx']) {
    expect((await fetch(`${site.url}${path}`, { redirect: 'manual' })).status, path).toBe(404);
  }
  expect(site.output()).not.toMatch(/too many times|MaxListenersExceeded/);
});

test("a body over its path's limit gets 413, and one without a length 411, before any route sees it", async () => {
  const form = { 'content-type': 'application/x-www-form-urlencoded' };
  const large = `email=someone%40example.coop&padding=${'a'.repeat(64 * 1024)}`;
  for (const path of ['/sign-in/request', '/sign-out', '/sign-in/any-new-route', '/api/join', '/about']) {
    const response = await fetch(`${site.url}${path}`, {
      method: 'POST',
      headers: form,
      body: large,
      redirect: 'manual',
    });
    expect(response.status, path).toBe(413);
  }
  // A Server Action, as a browser posts one to an admin page.
  const action = await fetch(`${site.url}/admin/enquiries`, {
    method: 'POST',
    headers: { ...form, 'next-action': '0123abcd' },
    body: large,
    redirect: 'manual',
  });
  expect(action.status).toBe(413);
  // Written without a length, Node.js sends it in chunks.
  const chunked = await new Promise<number>((resolve, reject) => {
    const request = httpRequest(`${site.url}/sign-in/request`, { method: 'POST', headers: form }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', reject);
    request.write('email=someone%40');
    request.end('example.coop');
  });
  expect(chunked).toBe(411);
  const small = await fetch(`${site.url}/sign-in/request`, {
    method: 'POST',
    body: new URLSearchParams({ email: 'someone@example.coop' }),
    redirect: 'manual',
  });
  expect(small.status).toBe(303);
});

// `./node_modules/.bin/next start` runs on the system's Node.js: on Node.js 20 the site used to serve its pages and
// answer every enquiry with 500. It must not start at all, and say why in one line (instrumentation.ts, which a
// standalone build's server.js runs the same way).
/** Runs `next start` on `executable` until it exits (or 60 s pass, then ends it): its exit code and output. */
async function startUntilExit(executable: string, env: Record<string, string>) {
  const port = await freePort();
  const child = spawn(executable, ['node_modules/next/dist/bin/next', 'start', '-p', String(port), '-H', '127.0.0.1'], {
    detached: true,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'cotech-refusal-')),
      ...env,
    },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const code = await Promise.race([
    exited,
    new Promise<'running'>((resolve) => setTimeout(resolve, 60_000, 'running')),
  ]);
  if (code === 'running' && child.pid) process.kill(-child.pid, 'SIGKILL');
  return { code, stdout, stderr, output: `stdout:\n${stdout}\nstderr:\n${stderr}` };
}

const old = oldNode();
test(`refuses ${old.description} in one line`, async () => {
  test.setTimeout(90_000);
  const { code, stdout, stderr, output } = await startUntilExit(old.executable, old.env);
  expect(code, output).toBe(1);
  expect(stderr).toBe(`${nodeVersionRefusal(old.version)}\n`);
  expect(stdout).not.toMatch(/withResolvers|Error/);
});

test('refuses a bad setting in one line naming it, rather than run on a default', async () => {
  test.setTimeout(90_000);
  const { code, stderr, output } = await startUntilExit(process.execPath, { JOIN_RATE_LIMIT: 'abc' });
  expect(code, output).toBe(1);
  expect(stderr.trim()).toBe('JOIN_RATE_LIMIT is "abc", but it takes a whole number from 1 to 1000000000 (default 5).');
});
