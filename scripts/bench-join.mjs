// `npm run bench:join`: how many join enquiries per second the production site stores, and how fast it answers,
// with autocannon on POST /api/join (embedded PGlite, or the server in DATABASE_URL). Alongside, one visitor reads
// /about through Next.js (a query string keeps it off the in-memory path), to show what the enquiry load costs
// everyone else's pages: with PGlite the database runs on the server's own thread. Prints figures.
import autocannon from 'autocannon';
import { settingsOrExit } from '../lib/settings.ts';
import { enquiryJson, startSite } from './bench-site.mjs';

// The site's settings, as the server it starts will read them: a bad one stops here, before anything runs.
const database = settingsOrExit().DATABASE_URL ? 'PostgreSQL server' : 'embedded PGlite';
const seconds = Number(process.env.BENCH_SECONDS || 10);
const connections = Number(process.env.BENCH_CONNECTIONS || 20);
const site = await startSite(Number(process.env.BENCH_PORT || 3400));
const enquiries = {
  url: `${site.url}/api/join`,
  method: 'POST',
  connections,
  headers: { 'content-type': 'application/json' },
  body: enquiryJson,
};
const page = { url: `${site.url}/about?x=1`, connections: 1 };
await autocannon({ ...enquiries, duration: 2 }); // warm up
const idle = await autocannon({ ...page, duration: Math.max(3, seconds / 2) });
const [result, loaded] = await Promise.all([
  autocannon({ ...enquiries, duration: seconds }),
  autocannon({ ...page, duration: seconds }),
]);
site.stop();

const stored = result['2xx'];
console.log(`POST /api/join, ${connections} connections for ${seconds} s, ${database}:`);
console.log(
  `  enquiries/s: ${(stored / seconds).toFixed(0)}  (stored ${stored}, other answers ${result.non2xx}, errors ${result.errors})`,
);
console.log(`  latency ms: p50 ${result.latency.p50}  p99 ${result.latency.p99}  max ${result.latency.max}`);
console.log('GET /about?x=1 (through Next.js), one visitor at a time:');
for (const [when, { latency }] of [
  ['alone', idle],
  ['during the enquiry load', loaded],
]) {
  console.log(`  ${when}: latency ms p50 ${latency.p50}  p99 ${latency.p99}  max ${latency.max}`);
}
