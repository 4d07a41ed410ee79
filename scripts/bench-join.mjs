// `npm run bench:join`: how many join enquiries per second the production site stores, and how fast it answers.
// Starts the site (building it if needed) on a throwaway embedded database and loads POST /api/join with
// autocannon. A benchmark, not a test: it prints figures.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';

const port = Number(process.env.BENCH_PORT || 3400);
const seconds = Number(process.env.BENCH_SECONDS || 10);
const connections = Number(process.env.BENCH_CONNECTIONS || 20);
const dataDir = mkdtempSync(join(tmpdir(), 'cotech-bench-'));
const server = spawn(process.execPath, ['scripts/start.mjs'], {
  env: {
    ...process.env,
    PORT: String(port),
    HOSTNAME: '127.0.0.1',
    DATA_DIR: dataDir,
    JOIN_RATE_LIMIT: '100000000',
    SMTP_URL: '',
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});

const url = `http://127.0.0.1:${port}`;
for (let ready = false; !ready;) {
  await new Promise((resolve) => setTimeout(resolve, 500));
  ready = await fetch(`${url}/api/join`).then(
    (r) => r.status === 405,
    () => false,
  );
  if (server.exitCode !== null) throw new Error('the site did not start');
}

const enquiry = {
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
};
// The first enquiry waits for the embedded database to be created; then warm up, then measure.
const first = await fetch(`${url}/api/join`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(enquiry),
});
if (first.status !== 201) throw new Error(`POST /api/join answered ${first.status}`);
await autocannon({
  url: `${url}/api/join`,
  method: 'POST',
  duration: 2,
  connections,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(enquiry),
});
const result = await autocannon({
  url: `${url}/api/join`,
  method: 'POST',
  duration: seconds,
  connections,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(enquiry),
});
server.kill();
rmSync(dataDir, { recursive: true, force: true });

const stored = result['2xx'];
console.log(
  `POST /api/join, ${connections} connections for ${seconds} s, ${process.env.DATABASE_URL ? 'PostgreSQL server' : 'embedded PGlite'}:`,
);
console.log(
  `  enquiries/s: ${(stored / seconds).toFixed(0)}  (stored ${stored}, other answers ${result.non2xx}, errors ${result.errors})`,
);
console.log(`  latency ms: p50 ${result.latency.p50}  p99 ${result.latency.p99}  max ${result.latency.max}`);
