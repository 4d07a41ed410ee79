import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '@/lib/db';
import { linkChecks } from '@/lib/db/schema';
import { site } from '@/lib/site';
import { resetDatabase } from '@/test/database';
import { checkLink, linkCheckerUserAgent } from './check';
import { checkLinks, coopLinkProblems, flagAfterRuns } from './store';

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

/** A loopback server that answers by path, counting requests in flight and keeping the user agents it saw. */
async function serve(routes: Record<string, Handler>) {
  const seen = { agents: [] as string[], methods: [] as string[], inFlight: 0, maxInFlight: 0 };
  const server: Server = createServer((request, response) => {
    seen.agents.push(request.headers['user-agent'] ?? '');
    seen.methods.push(`${request.method} ${request.url}`);
    seen.inFlight += 1;
    seen.maxInFlight = Math.max(seen.maxInFlight, seen.inFlight);
    response.on('close', () => (seen.inFlight -= 1));
    const handler = routes[request.url ?? ''];
    if (handler) handler(request, response);
    else response.writeHead(404).end('not here');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, seen, server };
}

const ok: Handler = (_request, response) => response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
const slowOk: Handler = (_request, response) => setTimeout(() => ok(_request, response), 30);
const redirect =
  (to: string, status = 301): Handler =>
  (_request, response) =>
    response.writeHead(status, { location: to }).end();

let local: Awaited<ReturnType<typeof serve>>;
const hanging = new Set<ServerResponse>();
let closedPort: number;

beforeAll(async () => {
  local = await serve({
    '/ok': ok,
    '/old': redirect('/new'),
    '/new': ok,
    '/hang': (_request, response) => hanging.add(response),
    '/no-head': (request, response) =>
      request.method === 'HEAD' ? response.writeHead(405).end() : ok(request, response),
    '/loop/0': redirect('/loop/1'),
    '/loop/1': redirect('/loop/2'),
    '/loop/2': redirect('/loop/3'),
    '/loop/3': redirect('/loop/4'),
    '/loop/4': redirect('/loop/5'),
    '/loop/5': redirect('/loop/6'),
    '/loop/6': ok,
    '/to-ftp': redirect('ftp://127.0.0.1/file'),
    '/slow/1': slowOk,
    '/slow/2': slowOk,
    '/slow/3': slowOk,
  });
  // A port that was just listening and is now closed: nothing answers there.
  const probe = await serve({});
  closedPort = (probe.server.address() as AddressInfo).port;
  await new Promise((resolve) => probe.server.close(resolve));
});

afterAll(async () => {
  for (const response of hanging) response.destroy();
  local.server.closeAllConnections();
  await new Promise((resolve) => local.server.close(resolve));
  await closeDb();
});

beforeEach(resetDatabase);

describe('checkLink', () => {
  it('records 200 with the site-naming User-Agent', async () => {
    local.seen.agents.length = 0;
    expect(await checkLink(`${local.base}/ok`)).toEqual({ status: 200, finalUrl: `${local.base}/ok`, error: null });
    expect(local.seen.agents).toEqual([linkCheckerUserAgent]);
    expect(linkCheckerUserAgent).toContain(site.url);
  });

  it('follows a 301 to another path and records where it ended', async () => {
    expect(await checkLink(`${local.base}/old`)).toEqual({ status: 200, finalUrl: `${local.base}/new`, error: null });
  });

  it('records a 404 as broken, after trying GET too', async () => {
    local.seen.methods.length = 0;
    expect(await checkLink(`${local.base}/gone`)).toEqual({ status: 404, finalUrl: `${local.base}/gone`, error: null });
    expect(local.seen.methods).toEqual(['HEAD /gone', 'GET /gone']);
  });

  it('gives up on a server that never answers', async () => {
    expect(await checkLink(`${local.base}/hang`, { timeoutMs: 200 })).toEqual({
      status: null,
      finalUrl: `${local.base}/hang`,
      error: 'timeout',
    });
  });

  it('records a refused connection', async () => {
    const result = await checkLink(`http://127.0.0.1:${closedPort}/`);
    expect(result).toMatchObject({ status: null, error: 'refused' });
  });

  it('uses GET when HEAD is refused', async () => {
    local.seen.methods.length = 0;
    expect(await checkLink(`${local.base}/no-head`)).toMatchObject({ status: 200, error: null });
    expect(local.seen.methods).toEqual(['HEAD /no-head', 'GET /no-head']);
  });

  it('follows five redirects, not six', async () => {
    expect(await checkLink(`${local.base}/loop/1`)).toMatchObject({ status: 200, finalUrl: `${local.base}/loop/6` });
    expect(await checkLink(`${local.base}/loop/0`)).toEqual({
      status: 301,
      finalUrl: `${local.base}/loop/5`,
      error: 'too many redirects',
    });
  });

  it('never follows a redirect off http(s)', async () => {
    expect(await checkLink(`${local.base}/to-ftp`)).toMatchObject({
      status: null,
      error: 'not an http(s) address (ftp:)',
    });
  });
});

describe('checkLinks', () => {
  const week = 7 * 24 * 60 * 60_000;
  const start = new Date('2026-06-01T00:00:00Z');
  const later = (weeks: number) => new Date(start.getTime() + weeks * week);

  it('checks once a week, counts broken runs, flags the third, and lists a co-op’s broken and moved links', async () => {
    const db = await getDb();
    const links = [
      { url: `${local.base}/gone`, coops: ['agile-collective'] },
      { url: `${local.base}/old`, coops: ['agile-collective'] },
      { url: `${local.base}/ok`, coops: ['agile-collective', 'outlandish'] },
      { url: `http://127.0.0.1:${closedPort}/`, coops: ['outlandish'] },
    ];
    expect(await checkLinks(db, start, { links, intervalMs: week })).toHaveLength(4);
    expect(await checkLinks(db, later(0.5), { links, intervalMs: week })).toEqual([]);
    await checkLinks(db, later(1), { links, intervalMs: week });
    let problems = await coopLinkProblems(db, 'agile-collective', links);
    expect(problems.find(({ problem }) => problem === 'broken')).toMatchObject({ brokenRuns: 2, flagged: false });
    await checkLinks(db, later(2), { links, intervalMs: week });
    problems = await coopLinkProblems(db, 'agile-collective', links);
    expect(
      problems
        .map(({ url, problem, flagged }) => ({ url, problem, flagged }))
        .sort((a, b) => a.url.localeCompare(b.url)),
    ).toEqual([
      { url: `${local.base}/gone`, problem: 'broken', flagged: true },
      { url: `${local.base}/old`, problem: 'moved', flagged: false },
    ]);
    expect(flagAfterRuns).toBe(3);
    const rows = await db.select().from(linkChecks);
    expect(rows.find(({ url }) => url.endsWith('/old'))).toMatchObject({
      finalUrl: `${local.base}/new`,
      brokenRuns: 0,
    });
    expect((await coopLinkProblems(db, 'outlandish', links)).map(({ error }) => error)).toEqual(['refused']);
  });

  it('a working check ends a run of broken ones', async () => {
    const db = await getDb();
    const url = `${local.base}/ok`;
    await db.insert(linkChecks).values({ url, status: 500, brokenRuns: 2, checkedAt: start });
    await checkLinks(db, later(1), { links: [{ url, coops: [] }], intervalMs: week });
    const [row] = await db.select().from(linkChecks);
    expect(row).toMatchObject({ status: 200, brokenRuns: 0, error: null });
  });

  it('sends one request at a time to a host', async () => {
    const db = await getDb();
    local.seen.maxInFlight = 0;
    const links = ['/slow/1', '/slow/2', '/slow/3'].map((path) => ({ url: `${local.base}${path}`, coops: [] }));
    expect(await checkLinks(db, start, { links, intervalMs: week })).toHaveLength(3);
    expect(local.seen.maxInFlight).toBe(1);
  });
});
