// A backup of a running site, as an operator's cron job takes it: `npm run db:backup` against the data directory of
// server/server.ts (on the build the webServer made) while enquiries keep arriving, then `npm run db:restore` into
// a new directory. Not in a browser: what is tested is the processes and the files.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { validEnquiry } from '@/test/enquiry-data';
import { signInFromLog } from '@/test/sign-in/over-http';
import { freePort, npmRun, npmStartServer, startSite } from './servers';
import { expect, test } from '@playwright/test';

const root = join(__dirname, '..');
const admin = 'backup-admin@e2e.example';
const work = mkdtempSync(join(tmpdir(), 'cotech-backup-'));
test.afterAll(() => rmSync(work, { recursive: true, force: true }));

test('a backup taken while enquiries arrive holds every one acknowledged before it began, and restores', async () => {
  test.setTimeout(180_000);
  const dataDir = join(work, 'data');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, npmStartServer, {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      PORT: String(port),
      HOSTNAME: '127.0.0.1',
      DATA_DIR: dataDir,
      ADMIN_EMAILS: admin,
      JOIN_RATE_LIMIT: '1000000',
    },
  });
  let log = '';
  server.stdout?.on('data', (chunk) => (log += chunk));
  server.stderr?.on('data', (chunk) => (log += chunk));
  const exited = new Promise((resolve) => server.once('exit', resolve));
  try {
    await expect
      .poll(
        () =>
          fetch(`${url}/api/join`).then(
            (r) => r.status,
            () => 0,
          ),
        { timeout: 120_000 },
      )
      .toBe(405);

    /** Acknowledged enquiries: id, and when the acknowledgement arrived. */
    const acknowledged: { id: string; at: number }[] = [];
    const refused: number[] = [];
    let n = 0;
    const post = async () => {
      const response = await fetch(`${url}/api/join`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...validEnquiry, coopName: `Backup Co-op ${n++}` }),
      });
      if (response.status !== 201) refused.push(response.status);
      else acknowledged.push({ id: ((await response.json()) as { id: string }).id, at: performance.now() });
    };
    for (let i = 0; i < 10; i++) await post();
    // The admin is signed in while the backup is taken: their session must not be in it.
    const cookie = await signInFromLog(url, admin, () => log);
    expect((await fetch(`${url}/admin/enquiries`, { headers: { cookie } })).status).toBe(200);

    // Two clients keep posting from before the backup begins until after it ends.
    let posting = true;
    const clients = [0, 1].map(async () => {
      while (posting) await post();
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const began = performance.now();
    const backup = await npmRun(work, { DATA_DIR: dataDir }, 'db:backup', 'backups-here.tar.gz');
    await new Promise((resolve) => setTimeout(resolve, 300));
    posting = false;
    await Promise.all(clients);

    expect(backup.output).toContain(`taken by the server that runs on it, to ${join(work, 'backups-here.tar.gz')}`);
    expect(backup.status).toBe(0);
    // Enquiries kept being answered, none refused, and some arrived while the backup was taken.
    expect(refused).toEqual([]);
    const before = acknowledged.filter((enquiry) => enquiry.at < began).map((enquiry) => enquiry.id);
    expect(acknowledged.length).toBeGreaterThan(before.length);
    expect(statSync(join(work, 'backups-here.tar.gz')).mode & 0o777).toBe(0o600);

    const restoredDir = join(work, 'restored');
    const restore = await npmRun(work, { DATA_DIR: restoredDir }, 'db:restore', 'backups-here.tar.gz');
    expect(restore.status, restore.output).toBe(0);
    const restored = await PGlite.create(restoredDir);
    try {
      const ids = (await restored.query<{ id: string }>('select id from enquiries')).rows.map((row) => row.id);
      expect(ids).toEqual(expect.arrayContaining(before));
      // Nothing in it but enquiries that were posted; its count is the one both commands said.
      const posted = new Set(acknowledged.map((enquiry) => enquiry.id));
      expect(ids.filter((id) => !posted.has(id))).toEqual([]);
      expect(backup.output).toContain(`(${ids.length} enquiries)`);
      expect(restore.output).toContain(`(${ids.length} enquiries)`);
      const users = await restored.query<{ email: string; role: string }>('select email, role from users');
      expect(users.rows).toEqual([{ email: admin, role: 'admin' }]);
      for (const table of ['sessions', 'verifications', 'site_secrets']) {
        expect((await restored.query(`select * from ${table}`)).rows, table).toEqual([]);
      }
    } finally {
      await restored.close();
    }
    expect(restore.output).toContain('everyone signs in again');

    // The restored site works, and its admin signs in again: the cookie from before the backup opens nothing.
    const site = await startSite('npm start', { DATA_DIR: restoredDir, ADMIN_EMAILS: admin });
    try {
      const stale = await fetch(`${site.url}/admin/enquiries`, { headers: { cookie }, redirect: 'manual' });
      expect(stale.headers.get('location')).toBe('/sign-in');
      const again = await signInFromLog(site.url, admin, site.output);
      const page = await fetch(`${site.url}/admin/enquiries`, { headers: { cookie: again } });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('Backup Co-op');
    } finally {
      await site.stop();
    }
  } finally {
    if (server.exitCode === null && server.pid) process.kill(-server.pid, 'SIGTERM');
    await exited;
  }
  expect(log).not.toMatch(/backup.*(failed|cannot)/);
});
