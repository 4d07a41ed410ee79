// `npm run bench:join`: how many join enquiries per second the production site stores, and how fast it answers,
// with autocannon on POST /api/join (embedded PGlite, or the server in DATABASE_URL). Prints figures.
import autocannon from 'autocannon';
import { enquiryJson, startSite } from './bench-site.mjs';

const seconds = Number(process.env.BENCH_SECONDS || 10);
const connections = Number(process.env.BENCH_CONNECTIONS || 20);
const site = await startSite(Number(process.env.BENCH_PORT || 3400));
const options = {
  url: `${site.url}/api/join`,
  method: 'POST',
  connections,
  headers: { 'content-type': 'application/json' },
  body: enquiryJson,
};
await autocannon({ ...options, duration: 2 }); // warm up
const result = await autocannon({ ...options, duration: seconds });
site.stop();

const stored = result['2xx'];
const database = process.env.DATABASE_URL ? 'PostgreSQL server' : 'embedded PGlite';
console.log(`POST /api/join, ${connections} connections for ${seconds} s, ${database}:`);
console.log(
  `  enquiries/s: ${(stored / seconds).toFixed(0)}  (stored ${stored}, other answers ${result.non2xx}, errors ${result.errors})`,
);
console.log(`  latency ms: p50 ${result.latency.p50}  p99 ${result.latency.p99}  max ${result.latency.max}`);
