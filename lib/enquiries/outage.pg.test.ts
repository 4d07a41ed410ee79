import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInThroughSite } from '@/test/sign-in/over-http';
import { startSmtpSink } from '@/test/smtp-sink';
import { validEnquiry } from '@/test/enquiry-data';

// PostgreSQL stopped (`pg_ctl stop -m immediate`) and started again under load, against the built site
// (test/built-site.ts) as `npm start` runs it. The test starts a PostgreSQL server of its own, since it must stop
// it: scripts/test-postgres.sh on the port after TEST_POSTGRES_PORT (or the next free one). It ends only what it
// started: that server and the site's process.
const pgPort = Number(process.env.TEST_POSTGRES_PORT || 55432) + 1;
const sitePort = Number(process.env.TEST_INSTANCE_PORT || 3311) + 2;
const site = `http://127.0.0.1:${sitePort}`;
const clients = 6;
const adminEmail = 'outage-admin@example.coop';

let dataDir = '';
let url = '';
let server: ChildProcess | undefined;
let output = '';
let sink: Awaited<ReturnType<typeof startSmtpSink>>;

async function postgresBin(): Promise<string> {
  const versions = (await readdir('/usr/lib/postgresql')).sort((a, b) => Number(a) - Number(b));
  return `/usr/lib/postgresql/${versions.at(-1)}/bin`;
}

async function pgCtl(...args: string[]) {
  execFileSync('runuser', ['-u', 'postgres', '--', `${await postgresBin()}/pg_ctl`, '-D', dataDir, ...args], {
    stdio: 'ignore',
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

const ready = () =>
  fetch(`${site}/api/health/ready`)
    .then((response) => response.status)
    .catch(() => 0);

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'cotech-outage-pg-'));
  url = execFileSync('bash', ['scripts/test-postgres.sh', dataDir], {
    env: { ...process.env, TEST_POSTGRES_PORT: String(pgPort) },
    encoding: 'utf8',
  }).trim();
  sink = await startSmtpSink();
  server = spawn(process.execPath, ['--disable-warning=MODULE_TYPELESS_PACKAGE_JSON', 'server/server.ts'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(sitePort),
      HOSTNAME: '127.0.0.1',
      DATABASE_URL: url,
      SMTP_URL: sink.url,
      OUTBOX_POLL_MS: '1000',
      JOIN_RATE_LIMIT: '1000000',
      RECEIPT_HOURLY_LIMIT: '0',
      TRUST_PROXY: '1',
      ADMIN_EMAILS: adminEmail,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [server.stdout, server.stderr]) stream?.on('data', (chunk: Buffer) => (output += chunk));
  await waitFor(async () => (await ready()) === 200, 'the site', 60_000);
}, 90_000);

afterAll(async () => {
  server?.kill();
  await sink?.close();
  if (dataDir) {
    await pgCtl('stop', '-m', 'immediate').catch(() => undefined);
    await rm(dataDir, { recursive: true, force: true });
  }
});

describe('PostgreSQL stopped and started again under load', () => {
  it('answers 201 or 503, loses nothing acknowledged, raises nothing uncaught, and sends the mail at once', async () => {
    const acknowledged: string[] = [];
    const statuses = new Map<number, number>();
    const other: string[] = [];
    let load = true;
    let n = 0;
    const client = async (c: number) => {
      while (load) {
        n += 1;
        const response = await fetch(`${site}/api/join`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': `198.51.100.${c}` },
          body: JSON.stringify({ ...validEnquiry, coopName: `Outage Co-op ${n}` }),
        });
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        if (response.status === 201) acknowledged.push(((await response.json()) as { id: string }).id);
        else if (response.status === 503) {
          if (response.headers.get('retry-after') !== '30') other.push('503 without Retry-After');
          await response.body?.cancel();
        } else other.push(`${response.status} ${await response.text()}`);
      }
    };
    const cookie = await signInThroughSite(site, adminEmail, sink, { 'x-forwarded-for': '192.0.2.9' });
    const running = Array.from({ length: clients }, (_, c) => client(c));

    await sleep(1_500);
    const before = acknowledged.length;
    await pgCtl('stop', '-m', 'immediate');
    await waitFor(async () => (await ready()) === 503, 'readiness 503', 10_000);
    // Other routes that read the database answer 503 too, not 500.
    const csv = await fetch(`${site}/admin/enquiries.csv`, { headers: { cookie } });
    // A page a signed-in member opens: its session and its rows are read while rendering.
    const page = await fetch(`${site}/admin/enquiries`, { headers: { cookie }, redirect: 'manual' });
    const signIn = await fetch(`${site}/sign-in/request`, {
      method: 'POST',
      headers: { origin: site },
      body: new URLSearchParams({ email: 'someone@example.coop' }),
      redirect: 'manual',
    });
    await sleep(2_000);
    const port = new URL(url).port;
    await pgCtl(
      'start',
      '-w',
      '-l',
      join(dataDir, 'server.log'),
      '-o',
      `-p ${port} -c listen_addresses=127.0.0.1 -k ${dataDir} -c fsync=off`,
    );
    await waitFor(async () => (await ready()) === 200, 'readiness 200 again', 20_000);
    const back = Date.now();
    await sleep(1_000);
    load = false;
    await Promise.all(running);

    expect(other).toEqual([]);
    expect([...statuses.keys()].sort()).toEqual([201, 503]);
    expect(before).toBeGreaterThan(0);
    expect(acknowledged.length).toBeGreaterThan(before);
    expect(csv.status).toBe(503);
    expect(csv.headers.get('retry-after')).toBe('30');
    expect(page.status).toBe(503);
    expect(page.headers.get('retry-after')).toBe('30');
    expect(page.headers.get('cache-control')).toContain('no-store');
    expect(signIn.status).toBe(503);
    expect(signIn.headers.get('retry-after')).toBe('30');

    const db = new Client({ connectionString: url });
    await db.connect();
    try {
      const { rows } = await db.query<{ id: string }>('select id from enquiries where id = any($1::uuid[])', [
        acknowledged,
      ]);
      expect(rows.length).toBe(acknowledged.length);
    } finally {
      await db.end();
    }

    // Every acknowledged enquiry's notification, within seconds of the database's return (a claim the lost
    // connection left behind would wait out its two-minute lease).
    const notified = () =>
      new Set(
        sink.received.flatMap((mail) => /\/admin\/enquiries\/([0-9a-f-]{36})/.exec(mail.parsed.text ?? '')?.[1] ?? []),
      );
    await waitFor(async () => acknowledged.every((id) => notified().has(id)), 'every notification', 15_000).catch(
      () => undefined,
    );
    expect(acknowledged.filter((id) => !notified().has(id))).toEqual([]);
    expect(Date.now() - back).toBeLessThan(15_000);

    expect(server?.exitCode).toBeNull();
    expect(output).not.toMatch(/uncaughtException|unhandledRejection/);
    expect(output).toMatch(/database: connection lost/);
  }, 60_000);
});
