import type { LookupAddress } from 'node:dns';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { isIP, Socket, type AddressInfo } from 'node:net';
import ipaddr from 'ipaddr.js';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { closeDb, getDb } from '@/lib/db';
import { linkChecks } from '@/lib/db/schema';
import { site } from '@/lib/site';
import { resetDatabase } from '@/test/database';
import { privateAddressError } from './address';
import { checkLink, linkCheckerUserAgent } from './check';
import { checkLinks, coopLinkProblems, flagAfterRuns, linkProblems } from './store';

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

// The test servers listen on loopback, which the checker refuses unless told otherwise, as a site is told of an
// intranet (LINK_CHECK_ALLOWED_NETWORKS).
const loopback = { allowedNetworks: ['127.0.0.1/32'] };

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
    expect(await checkLink(`${local.base}/ok`, loopback)).toEqual({
      status: 200,
      finalUrl: `${local.base}/ok`,
      error: null,
    });
    expect(local.seen.agents).toEqual([linkCheckerUserAgent]);
    expect(linkCheckerUserAgent).toContain(site.url);
  });

  it('follows a 301 to another path and records where it ended', async () => {
    expect(await checkLink(`${local.base}/old`, loopback)).toEqual({
      status: 200,
      finalUrl: `${local.base}/new`,
      error: null,
    });
  });

  it('records a 404 as broken, after trying GET too', async () => {
    local.seen.methods.length = 0;
    expect(await checkLink(`${local.base}/gone`, loopback)).toEqual({
      status: 404,
      finalUrl: `${local.base}/gone`,
      error: null,
    });
    expect(local.seen.methods).toEqual(['HEAD /gone', 'GET /gone']);
  });

  it('gives up on a server that never answers', async () => {
    expect(await checkLink(`${local.base}/hang`, { ...loopback, timeoutMs: 200 })).toEqual({
      status: null,
      finalUrl: `${local.base}/hang`,
      error: 'timeout',
    });
  });

  it('records a refused connection', async () => {
    const result = await checkLink(`http://127.0.0.1:${closedPort}/`, loopback);
    expect(result).toMatchObject({ status: null, error: 'refused' });
  });

  it('uses GET when HEAD is refused', async () => {
    local.seen.methods.length = 0;
    expect(await checkLink(`${local.base}/no-head`, loopback)).toMatchObject({ status: 200, error: null });
    expect(local.seen.methods).toEqual(['HEAD /no-head', 'GET /no-head']);
  });

  it('follows five redirects, not six', async () => {
    expect(await checkLink(`${local.base}/loop/1`, loopback)).toMatchObject({
      status: 200,
      finalUrl: `${local.base}/loop/6`,
    });
    expect(await checkLink(`${local.base}/loop/0`, loopback)).toEqual({
      status: 301,
      finalUrl: `${local.base}/loop/5`,
      error: 'too many redirects',
    });
  });

  it('never follows a redirect off http(s)', async () => {
    expect(await checkLink(`${local.base}/to-ftp`, loopback)).toMatchObject({
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
    expect(await checkLinks(db, start, { ...loopback, links, intervalMs: week })).toHaveLength(4);
    expect(await checkLinks(db, later(0.5), { ...loopback, links, intervalMs: week })).toEqual([]);
    await checkLinks(db, later(1), { ...loopback, links, intervalMs: week });
    let problems = await coopLinkProblems(db, 'agile-collective', links);
    expect(problems.find(({ problem }) => problem === 'broken')).toMatchObject({ brokenRuns: 2, flagged: false });
    await checkLinks(db, later(2), { ...loopback, links, intervalMs: week });
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
    await checkLinks(db, later(1), { ...loopback, links: [{ url, coops: [] }], intervalMs: week });
    const [row] = await db.select().from(linkChecks);
    expect(row).toMatchObject({ status: 200, brokenRuns: 0, error: null });
  });

  it('sends one request at a time to a host', async () => {
    const db = await getDb();
    local.seen.maxInFlight = 0;
    const links = ['/slow/1', '/slow/2', '/slow/3'].map((path) => ({ url: `${local.base}${path}`, coops: [] }));
    expect(await checkLinks(db, start, { ...loopback, links, intervalMs: week })).toHaveLength(3);
    expect(local.seen.maxInFlight).toBe(1);
  });
});

/** A loopback server that answers everything with 200 and counts the connections made to it. */
async function counting(host: string, port = 0) {
  const server = createServer((_request, response) => response.writeHead(200).end('inside'));
  const seen = { connections: 0 };
  server.on('connection', () => (seen.connections += 1));
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  return { port: (server.address() as AddressInfo).port, seen, server };
}

/**
 * Every connection the process starts, by the host it was asked for. One to an IP address off this machine is
 * stopped before it is made: should the checker ever connect where it must not, the test fails without a packet
 * leaving loopback.
 */
function watchConnections() {
  const hosts: string[] = [];
  const connect = Socket.prototype.connect;
  const spy = vi.spyOn(Socket.prototype, 'connect').mockImplementation(function (this: Socket, ...args: unknown[]) {
    const [first] = args;
    const options: unknown = Array.isArray(first) ? first[0] : first;
    const host =
      typeof options === 'object' && options !== null && 'host' in options ? String(options.host) : 'localhost';
    hosts.push(host);
    if (isIP(host) && ipaddr.process(host).range() !== 'loopback') throw new Error(`connected to ${host}`);
    return Reflect.apply(connect, this, args) as Socket;
  });
  return { hosts, stop: () => spy.mockRestore() };
}

/** A resolver for test names, asked as the checker asks the system's; each name is noted as it is asked. */
function resolver(names: Record<string, string[] | (() => string[])>) {
  const asked: string[] = [];
  const resolve = async (hostname: string): Promise<LookupAddress[]> => {
    asked.push(hostname);
    const found = names[hostname];
    const addresses = typeof found === 'function' ? found() : found;
    if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return addresses.map((address) => ({ address, family: isIP(address) }));
  };
  return { asked, resolve };
}

describe('checkLink and private addresses', () => {
  // Loopback servers that no check may reach: on 127.0.0.1 and ::1, and on 127.0.0.2 at the port of `front`, the
  // allowed server, so that a second lookup of a name (127.0.0.1 first, 127.0.0.2 after) would land there.
  let inside: Awaited<ReturnType<typeof counting>>;
  let inside6: Awaited<ReturnType<typeof counting>>;
  let front: Awaited<ReturnType<typeof serve>>;
  let elsewhere: Awaited<ReturnType<typeof counting>>;
  let watch: ReturnType<typeof watchConnections>;

  beforeAll(async () => {
    inside = await counting('127.0.0.1');
    inside6 = await counting('::1');
    let port = 0;
    front = await serve({
      '/ok': ok,
      '/to-literal': (request, response) =>
        redirect(`http://127.0.0.2:${port}/private/path?token=1`)(request, response),
      '/to-name': (request, response) => redirect(`http://inside.example:${port}/private/path`)(request, response),
      '/to-metadata': redirect('http://169.254.169.254/latest/meta-data/'),
      '/to-mapped': (request, response) => redirect(`http://[::ffff:127.0.0.2]:${port}/private`)(request, response),
    });
    port = Number(new URL(front.base).port);
    elsewhere = await counting('127.0.0.2', port);
  });
  afterAll(async () => {
    for (const { server } of [inside, inside6, front, elsewhere]) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
  beforeEach(() => {
    watch = watchConnections();
  });
  afterEach(() => watch.stop());

  const refused = (url: string) => ({ status: null, finalUrl: `${new URL(url).origin}/`, error: privateAddressError });

  it('refuses an IP address of every private kind, and connects to none of them', async () => {
    const v4 = inside.port;
    const v6 = inside6.port;
    const literals = [
      // Loopback, as written and in the other forms an address takes.
      `http://127.0.0.1:${v4}/`,
      `https://127.0.0.1:${v4}/`,
      `http://127.1:${v4}/`,
      `http://2130706433:${v4}/`,
      `http://0x7f.0.0.1:${v4}/`,
      `http://[::1]:${v6}/`,
      `http://[::ffff:127.0.0.1]:${v4}/`,
      `http://[::127.0.0.1]:${v4}/`,
      // Unspecified: connecting to it reaches this machine.
      `http://0.0.0.0:${v4}/`,
      `http://[::]:${v6}/`,
      // Private, link-local (the cloud's metadata service among them), carrier-grade NAT, unique-local.
      'http://10.0.0.1/',
      'http://172.16.0.1/',
      'http://192.168.1.1/',
      'http://169.254.169.254/latest/meta-data/',
      'http://[fe80::1]/',
      'http://100.64.0.1/',
      'http://[fd00::1]/',
      // The same, IPv4-mapped and translated (NAT64, 6to4) into IPv6.
      'http://[::ffff:10.0.0.1]/',
      'http://[::ffff:169.254.169.254]/',
      'http://[64:ff9b::a9fe:a9fe]/',
      'http://[2002:a9fe:a9fe::1]/',
      // Multicast, broadcast, documentation, benchmarking and reserved.
      'http://224.0.0.1/',
      'http://[ff02::1]/',
      'http://255.255.255.255/',
      'http://192.0.2.1/',
      'http://198.51.100.1/',
      'http://203.0.113.1/',
      'http://[2001:db8::1]/',
      'http://198.18.0.1/',
      'http://240.0.0.1/',
    ];
    const results = [];
    for (const url of literals) results.push([url, await checkLink(url)]);
    expect(results).toEqual(literals.map((url) => [url, refused(url)]));
    expect(watch.hosts).toEqual([]);
    expect(inside.seen.connections + inside6.seen.connections).toBe(0);
  });

  it('refuses a name that resolves to a private address, with the system resolver or another', async () => {
    const url = `http://localhost:${inside.port}/`;
    expect(await checkLink(url)).toEqual(refused(url));
    const names = resolver({
      'loopback.example': ['127.0.0.1'],
      'mapped.example': ['::ffff:127.0.0.1'],
      'six.example': ['::1'],
      'both.example': ['127.0.0.1', '::1'],
    });
    for (const [name, port] of [
      ['loopback.example', inside.port],
      ['mapped.example', inside.port],
      ['six.example', inside6.port],
      ['both.example', inside.port],
    ] as const) {
      const named = `http://${name}:${port}/`;
      expect(await checkLink(named, { resolve: names.resolve })).toEqual(refused(named));
    }
    expect(names.asked).toEqual(['loopback.example', 'mapped.example', 'six.example', 'both.example']);
    expect(inside.seen.connections + inside6.seen.connections).toBe(0);
  });

  it('checks an address in an allowed network, by name, IPv4-mapped or IPv6', async () => {
    const names = resolver({ 'coop.example': ['127.0.0.1'] });
    const allowed = { allowedNetworks: ['127.0.0.1/32', '::1/128'], resolve: names.resolve };
    const port = new URL(front.base).port;
    for (const url of [`http://coop.example:${port}/ok`, `http://[::ffff:127.0.0.1]:${port}/ok`]) {
      expect(await checkLink(url, allowed)).toEqual({ status: 200, finalUrl: new URL(url).href, error: null });
    }
    expect(await checkLink(`http://[::1]:${inside6.port}/`, allowed)).toMatchObject({ status: 200, error: null });
    // Only what is allowed: 127.0.0.2 is loopback too, but outside 127.0.0.1/32.
    const next = `http://127.0.0.2:${port}/`;
    expect(await checkLink(next, allowed)).toEqual(refused(next));
    expect(elsewhere.seen.connections).toBe(0);
  });

  it('follows no redirect to a private address, and keeps only its host', async () => {
    const names = resolver({ 'coop.example': ['127.0.0.1'], 'inside.example': ['127.0.0.2'] });
    const options = { ...loopback, resolve: names.resolve };
    const port = new URL(front.base).port;
    const from = (path: string) => checkLink(`http://coop.example:${port}${path}`, options);
    expect(await from('/to-literal')).toEqual(refused(`http://127.0.0.2:${port}/`));
    expect(await from('/to-name')).toEqual(refused(`http://inside.example:${port}/`));
    expect(await from('/to-metadata')).toEqual(refused('http://169.254.169.254/'));
    expect(await from('/to-mapped')).toEqual(refused(`http://[::ffff:7f00:2]:${port}/`));
    expect(elsewhere.seen.connections).toBe(0);
    expect(watch.hosts).not.toContain('169.254.169.254');
  });

  it('connects to the address it judged: a name that changes its answer after the check gains nothing', async () => {
    let answers = 0;
    const names = resolver({ 'rebind.example': () => (answers++ === 0 ? ['127.0.0.1'] : ['127.0.0.2']) });
    const url = `http://rebind.example:${new URL(front.base).port}/ok`;
    front.seen.methods.length = 0;
    expect(await checkLink(url, { ...loopback, resolve: names.resolve })).toEqual({
      status: 200,
      finalUrl: url,
      error: null,
    });
    // One answer, for the one connection: nothing asked again between the check and the connection.
    expect(names.asked).toEqual(['rebind.example']);
    expect(front.seen.methods).toEqual(['HEAD /ok']);
    expect(elsewhere.seen.connections).toBe(0);
  });

  it('records a refused link as not checked, and shows its host to admins only', async () => {
    const db = await getDb();
    const names = resolver({ 'coop.example': ['127.0.0.1'] });
    const port = new URL(front.base).port;
    const links = [
      { url: 'http://192.168.1.1/admin', coops: ['acme'] },
      { url: `http://coop.example:${port}/to-literal`, coops: ['acme'] },
    ];
    const week = 7 * 24 * 60 * 60_000;
    await checkLinks(db, new Date(), { ...loopback, resolve: names.resolve, links, intervalMs: week });
    const rows = await db.select().from(linkChecks).orderBy(linkChecks.url);
    expect(rows.map(({ finalUrl, error, status }) => ({ finalUrl, error, status }))).toEqual([
      { finalUrl: 'http://192.168.1.1/', error: privateAddressError, status: null },
      { finalUrl: `http://127.0.0.2:${port}/`, error: privateAddressError, status: null },
    ]);
    const byUrl = (a: { url: string }, b: { url: string }) => a.url.localeCompare(b.url);
    const seenByCoop = (await coopLinkProblems(db, 'acme', links)).sort(byUrl);
    expect(seenByCoop.map(({ url, problem, finalUrl }) => ({ url, problem, finalUrl }))).toEqual(
      links.map(({ url }) => ({ url, problem: 'private', finalUrl: null })),
    );
    expect(JSON.stringify(seenByCoop)).not.toMatch(/127\.0\.0\.2|privateHost/);
    const seenByAdmins = (
      await linkProblems(
        db,
        links.map(({ url }) => url),
        'admins',
      )
    ).sort(byUrl);
    expect(seenByAdmins.map(({ privateHost }) => privateHost)).toEqual(['192.168.1.1', `127.0.0.2:${port}`]);
    expect(elsewhere.seen.connections).toBe(0);
  });
});
