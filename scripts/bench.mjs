// `npm run bench`: the production site against a bare node:http server answering the same bytes, in one run, for
// a content page (sent from memory, through Next.js, and rendered per request as a nonce would force), the Join
// page, an Open Graph image and POST /api/join. Prints requests/s, p50 and p99 latency and the site's share of the
// bare server's throughput. A benchmark, not a test: it prints figures.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import autocannon from 'autocannon';
import { prerenderedRoutes, revalidationKey, routeOutputFiles } from '../server/next-build.ts';
import { enquiryJson, startSite } from './bench-site.mjs';

const port = Number(process.env.BENCH_PORT || 3400);
const seconds = Number(process.env.BENCH_SECONDS || 10);
const connections = Number(process.env.BENCH_CONNECTIONS || 20);
const started = await startSite(port);
const site = started.url;
const post = { method: 'POST', headers: { 'content-type': 'application/json' }, body: enquiryJson };
const ogImage = /<meta property="og:image" content="[^"]*?(\/about\/opengraph-image[^"]*)"/.exec(
  await (await fetch(`${site}/about`)).text(),
)?.[1];
// Next.js re-renders a page when asked to revalidate it: the cost every page would pay if its CSP carried a nonce.
// The build is read through server/next-build.ts, the one module that knows its shape.
const previewModeId = revalidationKey();
// Next.js writes what it re-renders over the build's /about (with the React runtime that the build took out), so
// the build's files are put back when the run ends.
const about = prerenderedRoutes()['/about'];
if (!about) throw new Error('The build has no prerendered /about to measure');
const aboutFiles = Object.values(routeOutputFiles('.next', '/about', about))
  .filter((file) => existsSync(file))
  .map((file) => [file, readFileSync(file)]);
const targets = [
  { name: 'GET /about', path: '/about' },
  // A query string skips server/server.ts's copy of the prerendered page, so Next.js serves it.
  { name: 'GET /about via Next.js', path: '/about?via=next' },
  {
    name: 'GET /about, rendered',
    path: '/about',
    headers: { 'x-prerender-revalidate': previewModeId },
  },
  { name: 'GET /join', path: '/join' },
  { name: 'GET Open Graph image', path: ogImage?.replace(/&amp;/g, '&') ?? '/opengraph-image' },
  { name: 'POST /api/join', path: '/api/join', ...post },
];

const load = (url, target) =>
  autocannon({
    url,
    duration: seconds,
    connections,
    method: target.method ?? 'GET',
    headers: target.headers,
    body: target.body,
  });

const rows = [];
for (const target of targets) {
  // The bare server answers with exactly what the site answered (status, type, bytes), doing nothing else.
  const sample = await fetch(site + target.path, target);
  const status = sample.status;
  const type = sample.headers.get('content-type') ?? 'application/octet-stream';
  const bytes = Buffer.from(await sample.arrayBuffer());
  const bare = createServer((request, response) => {
    request.resume();
    request.on('end', () => response.writeHead(status, { 'content-type': type }).end(bytes));
  });
  await new Promise((resolve) => bare.listen(port + 1, '127.0.0.1', resolve));
  await load(site + target.path, { ...target, duration: 2 }); // warm up
  const ours = await load(site + target.path, target);
  const theirs = await load(`http://127.0.0.1:${port + 1}${target.path}`, target);
  await new Promise((resolve) => bare.close(resolve));
  rows.push({ ...target, status, ours, theirs });
}
started.stop();
for (const [file, bytes] of aboutFiles) writeFileSync(file, bytes);

const rate = (result) => result.requests.average;
console.log(`${connections} connections, ${seconds} s each, site vs bare node:http with the same bytes`);
console.log('target                   status   site req/s  p50  p99 ms   bare req/s  p50  p99 ms   site/bare');
for (const { name, status, ours, theirs } of rows) {
  const cells = (result) =>
    `${rate(result).toFixed(0).padStart(10)} ${String(result.latency.p50).padStart(4)} ${String(result.latency.p99).padStart(4)}   `;
  console.log(
    `${name.padEnd(24)} ${String(status).padEnd(8)} ${cells(ours)} ${cells(theirs)} ${(rate(ours) / rate(theirs)).toFixed(2)}`,
  );
}
