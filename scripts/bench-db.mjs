// `npm run bench:db`: the built site over its embedded database against the same build over a PostgreSQL server,
// under one mixed load: BENCH_CONNECTIONS clients (16) posting join enquiries while /about is fetched over as many
// connections. Both sites run side by side; the load goes to each in turn, alternating for BENCH_ROUNDS rounds of
// BENCH_SECONDS, so both meet the same machine. Prints, for each, /about's requests/s and p99, enquiries stored per
// second and the server's event-loop delay (its p99: how late the main thread ran what it had to), and the
// embedded database's share of PostgreSQL's. The PostgreSQL server is TEST_DATABASE_URL's (the PostgreSQL suite's),
// or one started here as that suite's is (scripts/test-postgres.sh), in a database made for the run and dropped
// after. A benchmark, not a test: it prints figures.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { enquiryJson, startSite } from './bench-site.mjs';

const seconds = Number(process.env.BENCH_SECONDS || 10);
const rounds = Number(process.env.BENCH_ROUNDS || 3);
const connections = Number(process.env.BENCH_CONNECTIONS || 16);
const port = Number(process.env.BENCH_PORT || 3400);

const work = mkdtempSync(join(tmpdir(), 'cotech-bench-db-'));
let stopPostgres = () => undefined;
let serverUrl = process.env.TEST_DATABASE_URL;
if (!serverUrl) {
  const data = join(work, 'postgres');
  serverUrl = execFileSync('bash', ['scripts/test-postgres.sh', data], { encoding: 'utf8' }).trim();
  stopPostgres = () => {
    const bin = execFileSync('bash', ['-c', 'ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1'], {
      encoding: 'utf8',
    }).trim();
    execFileSync('runuser', ['-u', 'postgres', '--', `${bin}/pg_ctl`, '-D', data, 'stop', '-m', 'fast'], {
      stdio: 'ignore',
    });
  };
}
const database = `bench_${process.pid}`;
const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`create database ${database}`);
const benchUrl = new URL(serverUrl);
benchUrl.pathname = `/${database}`;

const probe = resolve('scripts/event-loop-probe.mjs');
const start = (name, offset, env) => {
  const probeFile = join(work, `${name}.json`);
  return startSite(port + offset, {
    nodeArgs: [`--import=${probe}`],
    env: { ...env, EVENT_LOOP_PROBE_FILE: probeFile },
  }).then((site) => ({ name, site, probeFile, results: [] }));
};

const sites = [];
try {
  // One after the other: the first builds the site if it needs building.
  sites.push(await start('embedded', 0, { DATABASE_URL: undefined }));
  sites.push(await start('PostgreSQL', 1, { DATABASE_URL: benchUrl.href }));
  const load = (site, extra) => autocannon({ url: site.url, connections, duration: seconds, ...extra });
  const round = async ({ site, probeFile }, duration = seconds) => {
    process.kill(site.pid, 'SIGUSR2');
    const [pages, enquiries] = await Promise.all([
      load(site, { url: `${site.url}/about`, duration }),
      load(site, {
        url: `${site.url}/api/join`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: enquiryJson,
        duration,
      }),
    ]);
    // The probe writes every 250 ms: wait for a figure taken after the load.
    await new Promise((resolveWait) => setTimeout(resolveWait, 400));
    const loop = JSON.parse(readFileSync(probeFile, 'utf8'));
    return { pages, enquiries, loop, duration };
  };
  for (const each of sites) await round(each, 2); // warm up
  for (let index = 0; index < rounds; index++) {
    for (const each of sites) each.results.push(await round(each));
  }

  const sum = (list, pick) => list.reduce((total, item) => total + pick(item), 0);
  const figures = sites.map(({ name, results }) => {
    const time = sum(results, (r) => r.duration);
    return {
      name,
      aboutPerSecond: sum(results, (r) => r.pages['2xx']) / time,
      // The worst round's: a percentile of percentiles would flatter.
      aboutP99: Math.max(...results.map((r) => r.pages.latency.p99)),
      enquiriesPerSecond: sum(results, (r) => r.enquiries['2xx']) / time,
      enquiryP99: Math.max(...results.map((r) => r.enquiries.latency.p99)),
      failures: sum(results, (r) => r.pages.non2xx + r.pages.errors + r.enquiries.non2xx + r.enquiries.errors),
      loopP99: Math.max(...results.map((r) => r.loop.p99)),
      loopMax: Math.max(...results.map((r) => r.loop.max)),
    };
  });
  console.log(
    `${connections} clients posting join enquiries and ${connections} fetching /about, ${rounds} rounds of ${seconds} s each`,
  );
  console.log('database     /about req/s  p99 ms   enquiries/s  p99 ms   event loop p99  max ms   failures');
  for (const f of figures) {
    console.log(
      `${f.name.padEnd(12)} ${f.aboutPerSecond.toFixed(0).padStart(12)} ${String(f.aboutP99).padStart(7)}` +
        ` ${f.enquiriesPerSecond.toFixed(0).padStart(13)} ${String(f.enquiryP99).padStart(7)}` +
        ` ${String(f.loopP99).padStart(16)} ${String(f.loopMax).padStart(7)} ${String(f.failures).padStart(10)}`,
    );
  }
  const [embedded, server] = figures;
  console.log(
    `embedded / PostgreSQL: /about ${(embedded.aboutPerSecond / server.aboutPerSecond).toFixed(2)}, ` +
      `enquiries ${(embedded.enquiriesPerSecond / server.enquiriesPerSecond).toFixed(2)}`,
  );
} finally {
  // The database can go once the sites, and their connections, have.
  await Promise.all(sites.map(({ site }) => site.stop()));
  await admin.query(`drop database if exists ${database} with (force)`).catch(() => undefined);
  await admin.end();
  stopPostgres();
  rmSync(work, { recursive: true, force: true });
}
