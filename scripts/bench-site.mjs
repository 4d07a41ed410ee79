// What the benchmarks share: the production site started on a throwaway embedded database, and an enquiry.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const enquiryJson = JSON.stringify({
  coopName: 'Bench Co-op',
  contactName: 'Ada',
  email: 'ada@example.coop',
  location: 'Leeds',
  legalForm: 'co-operative-society',
  description: 'We build websites.',
  agreesWithPrinciples: true,
  workerOwned: true,
  providesDigitalServices: true,
  ukBased: true,
  consent: true,
});

/**
 * Starts `npm start` (building if needed) on 127.0.0.1:port with no rate limit and no link checks (a benchmark sends
 * traffic to this machine only, and the checks' requests to co-ops' websites would share its cores), and waits until
 * it answers. `options.env` adds to its environment (or, with undefined, takes out: DATABASE_URL, say);
 * `options.nodeArgs` adds to Node's arguments.
 */
export async function startSite(port, options = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'cotech-bench-'));
  const args = [...(options.nodeArgs ?? []), '--disable-warning=MODULE_TYPELESS_PACKAGE_JSON', 'server/start.mjs'];
  const env = {
    ...process.env,
    ...options.env,
    PORT: String(port),
    HOSTNAME: '127.0.0.1',
    DATA_DIR: dataDir,
    JOIN_RATE_LIMIT: '100000000',
    LINK_CHECK_DAYS: '0',
  };
  // A setting given as undefined is left out (DATABASE_URL, for the embedded database).
  for (const [name, value] of Object.entries(env)) if (value === undefined) delete env[name];
  const server = spawn(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'inherit'] });
  // Never leave the site running, however the benchmark ends.
  process.on('exit', () => server.kill());
  const url = `http://127.0.0.1:${port}`;
  for (let ready = false; !ready;) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    if (server.exitCode !== null) throw new Error('the site did not start');
    ready = await fetch(`${url}/api/join`).then(
      (r) => r.status === 405,
      () => false,
    );
  }
  // The first enquiry waits for the embedded database to be created: not something to measure.
  const first = await fetch(`${url}/api/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: enquiryJson,
  });
  if (first.status !== 201) throw new Error(`POST /api/join answered ${first.status}`);
  return {
    url,
    dataDir,
    pid: server.pid,
    // The data directory goes once the server has exited: it checkpoints and closes its database first.
    stop: () =>
      new Promise((resolve) => {
        const remove = () => {
          rmSync(dataDir, { recursive: true, force: true });
          resolve();
        };
        if (server.exitCode !== null || server.signalCode !== null) return remove();
        server.once('exit', remove);
        server.kill();
      }),
  };
}
