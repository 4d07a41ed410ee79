import { spawn, type ChildProcess } from 'node:child_process';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInThroughSite } from '@/test/sign-in/over-http';
import { startSmtpSink } from '@/test/smtp-sink';
import { validBrief, validEnquiry } from '@/test/enquiry-data';

// Two instances of the built site (test/built-site.ts) on one fresh PostgreSQL database, as behind a proxy.
const serverUrl = process.env.TEST_DATABASE_URL ?? '';
const database = `cotech_instances_${process.pid}`;
// TEST_INSTANCE_PORT moves both, for machines where these are taken.
const firstPort = Number(process.env.TEST_INSTANCE_PORT || 3311);
const ports = [firstPort, firstPort + 1];
const adminEmail = 'pg-admin@example.coop';
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
const servers: ChildProcess[] = [];

async function admin(sql: string) {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function waitFor(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const post = (port: number, body: unknown, client: string, endpoint = '/api/join') =>
  fetch(`http://127.0.0.1:${port}${endpoint}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': client },
    body: JSON.stringify(body),
  });

beforeAll(async () => {
  await admin(`drop database if exists ${database}`);
  await admin(`create database ${database}`);
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  sink = await startSmtpSink();
  // Both start at once on an empty database: the migration lock makes them take turns.
  for (const port of ports) {
    const server = spawn(process.execPath, ['--disable-warning=MODULE_TYPELESS_PACKAGE_JSON', 'server/server.ts'], {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        PORT: String(port),
        HOSTNAME: '127.0.0.1',
        DATABASE_URL: url.href,
        SMTP_URL: sink.url,
        OUTBOX_POLL_MS: '200',
        JOIN_RATE_LIMIT: '3',
        BRIEF_RATE_LIMIT: '3',
        TRUST_PROXY: '1',
        ADMIN_EMAILS: adminEmail,
      },
      stdio: 'inherit',
    });
    servers.push(server);
  }
  for (const port of ports) {
    await waitFor(
      () =>
        fetch(`http://127.0.0.1:${port}/api/join`)
          .then((r) => r.status === 405)
          .catch(() => false),
      `instance on ${port}`,
    );
  }
}, 120_000);

afterAll(async () => {
  for (const server of servers) server.kill();
  await sink?.close();
  await new Promise((resolve) => setTimeout(resolve, 500));
  await admin(`drop database if exists ${database}`).catch(() => undefined);
});

describe('two instances on one database', () => {
  it('deliver every mail exactly once between them, for join enquiries and briefs alike', async () => {
    const total = 20;
    const answers = await Promise.all(
      Array.from({ length: total }, (_, n) =>
        n % 4 < 2
          ? post(
              ports[n % 2] ?? 0,
              { ...validEnquiry, coopName: `Co-op ${n}`, email: `applicant${n}@example.coop` },
              `198.51.100.${n}`,
            )
          : post(
              ports[n % 2] ?? 0,
              { ...validBrief, organisation: `Org ${n}`, email: `applicant${n}@example.coop` },
              `198.51.100.${n}`,
              '/api/briefs',
            ),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(total).fill(201));
    await waitFor(() => sink.received.length >= total * 2, 'the mail');
    await new Promise((resolve) => setTimeout(resolve, 1_500)); // time for any duplicate to arrive
    expect(sink.received).toHaveLength(total * 2);
    const subjects = sink.received.map((mail) => `${mail.to.join()} ${mail.parsed.subject}`);
    expect(new Set(subjects).size).toBe(total * 2);
    for (let n = 0; n < total; n++) {
      const notification = n % 4 < 2 ? ` Join enquiry: Co-op ${n}` : ` Brief: Org ${n}`;
      expect(subjects.filter((s) => s.endsWith(notification))).toHaveLength(1);
      expect(subjects.filter((s) => s.startsWith(`applicant${n}@example.coop `))).toHaveLength(1);
    }
  });

  it('show the admin to nobody without a session', async () => {
    const page = await fetch(`http://127.0.0.1:${ports[0]}/admin/enquiries`, { redirect: 'manual' });
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toMatch(/\/sign-in$/);
    const csv = await fetch(`http://127.0.0.1:${ports[1]}/admin/enquiries.csv`, {
      headers: { cookie: 'better-auth.session_token=made-up.signature' },
    });
    expect(csv.status).toBe(401);
    expect(await csv.text()).not.toContain('Co-op 0');
  });

  it('recognise on one instance a member signed in on the other, and sign them out on both', async () => {
    const cookie = await signInThroughSite(`http://127.0.0.1:${ports[0]}`, adminEmail, sink, {
      'x-forwarded-for': '192.0.2.77',
    });
    const csv = await fetch(`http://127.0.0.1:${ports[1]}/admin/enquiries.csv`, { headers: { cookie } });
    expect(csv.status).toBe(200);
    expect(await csv.text()).toContain('Co-op 0');

    const out = await fetch(`http://127.0.0.1:${ports[1]}/sign-out`, {
      method: 'POST',
      headers: { cookie },
      redirect: 'manual',
    });
    expect(out.status).toBe(303);
    const after = await fetch(`http://127.0.0.1:${ports[0]}/admin/enquiries.csv`, { headers: { cookie } });
    expect(after.status).toBe(401);
  });

  it('share one rate limit, for each kind', async () => {
    for (const [endpoint, body] of [
      ['/api/join', validEnquiry],
      ['/api/briefs', validBrief],
    ] as const) {
      const client = '203.0.113.5';
      const statuses = [];
      for (const port of [ports[0], ports[1], ports[0], ports[1]]) {
        statuses.push((await post(port ?? 0, body, client, endpoint)).status);
      }
      expect(statuses, endpoint).toEqual([201, 201, 201, 429]);
    }
  });
});
