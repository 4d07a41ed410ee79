import { execFile, spawn } from 'node:child_process';
import { chmod, copyFile, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** What the repository's pre-receive hook saw of one push: its push options and the refs it updated. */
export type RecordedPush = { options: string[]; refs: { old: string; new: string; ref: string }[] };

export type GitServerOptions = {
  /** Co-op files copied from content/coops/ into the first commit of main. */
  coops?: readonly string[];
  /** More files for that first commit, by path. */
  files?: Readonly<Record<string, string>>;
  /** Symbolic links for that first commit: each path and what it points to. */
  links?: Readonly<Record<string, string>>;
  /**
   * Whether the repository advertises push options (`receive.advertisePushOptions`), as GitLab does; false is a
   * plain repository, or GitHub, to which git sends none.
   */
  pushOptions?: boolean;
  /** When given, the HTTP server asks for Basic authentication with this user and token, as GitLab does. */
  credentials?: { user: string; token: string };
  /** The HTTP server's port, when the address must be known before it starts (the e2e site's CONTENT_GIT_URL). */
  port?: number;
};

const isolated = {
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_TERMINAL_PROMPT: '0',
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.coop',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.coop',
};

// Records each push: git sets GIT_PUSH_OPTION_COUNT and GIT_PUSH_OPTION_<n> for the hooks when the repository
// advertises push options. Push options cannot hold a line break, so one line each is safe.
const preReceive = (record: string) => `#!/bin/sh
{
  echo push
  i=0
  while [ "$i" -lt "\${GIT_PUSH_OPTION_COUNT:-0}" ]; do
    eval "value=\\$GIT_PUSH_OPTION_$i"
    printf 'option %s\\n' "$value"
    i=$((i + 1))
  done
  while read -r old new ref; do printf 'ref %s %s %s\\n' "$old" "$new" "$ref"; done
} >> '${record}'
`;

const tinyLogo =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#c00"/></svg>\n';

/**
 * A content repository for the proposals' tests: a bare repository whose main holds a few co-op files from
 * content/coops/ and a logo folder, with a pre-receive hook that records the push options it receives, served by
 * git's own HTTP server (`git http-backend`, as a CGI behind a Node HTTP server on a loopback port) and reachable
 * over file:// too. `stop()` and `start()` take the HTTP server down and bring it back on the same port.
 */
export async function startGitServer({
  coops = ['agile-collective', 'autonomic'],
  files = {},
  links = {},
  pushOptions = true,
  credentials,
  port: fixedPort = 0,
}: GitServerOptions = {}) {
  const root = await mkdtemp(join(tmpdir(), 'cotech-git-server-'));
  const bare = join(root, 'content.git');
  const record = pushRecord(bare);
  const git = async (args: string[], cwd = bare) =>
    (await run('git', args, { cwd, env: { ...process.env, ...isolated } })).stdout;

  const seed = join(root, 'seed');
  await mkdir(join(seed, 'content', 'coops'), { recursive: true });
  await mkdir(join(seed, 'public', 'images', 'coops'), { recursive: true });
  for (const coop of coops) {
    await copyFile(join('content', 'coops', `${coop}.md`), join(seed, 'content', 'coops', `${coop}.md`));
  }
  await writeFile(join(seed, 'public', 'images', 'coops', 'existing.svg'), tinyLogo);
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(seed, path)), { recursive: true });
    await writeFile(join(seed, path), text);
  }
  for (const [path, target] of Object.entries(links)) {
    await rm(join(seed, path), { recursive: true, force: true });
    await mkdir(dirname(join(seed, path)), { recursive: true });
    await symlink(target, join(seed, path));
  }
  await git(['init', '--quiet', '--initial-branch=main'], seed);
  await git(['add', '.'], seed);
  await git(['commit', '--quiet', '-m', 'Seed'], seed);
  await git(['init', '--quiet', '--bare', '--initial-branch=main', bare], root);
  await git(['push', '--quiet', bare, 'main'], seed);
  await rm(seed, { recursive: true, force: true });
  await git(['config', 'receive.advertisePushOptions', String(pushOptions)]);
  await git(['config', 'http.receivepack', 'true']);
  await writeFile(join(bare, 'hooks', 'pre-receive'), preReceive(record));
  await chmod(join(bare, 'hooks', 'pre-receive'), 0o755);

  const server = createServer((request, response) => {
    if (credentials) {
      const expected = `Basic ${Buffer.from(`${credentials.user}:${credentials.token}`).toString('base64')}`;
      if (request.headers.authorization !== expected) {
        response.writeHead(401, { 'WWW-Authenticate': 'Basic realm="git"' }).end('Unauthorized\n');
        return;
      }
    }
    httpBackend(root, request, response);
  });
  let port = fixedPort;
  const start = async () => {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    port = (server.address() as AddressInfo).port;
  };
  const stop = async () => {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await closed;
  };
  await start();

  const url = `http://127.0.0.1:${port}/content.git`;
  return {
    bare,
    fileUrl: pathToFileURL(bare).href,
    url,
    /** The HTTP address with the credentials in it, as CONTENT_GIT_URL holds a deploy token. */
    urlWithCredentials: credentials
      ? `http://${credentials.user}:${credentials.token}@127.0.0.1:${port}/content.git`
      : url,
    start,
    stop,
    /** Runs git in the bare repository. */
    git,
    async pushes(): Promise<RecordedPush[]> {
      return recordedPushes(bare);
    },
    /** The repository's branches, by name. */
    async branches(): Promise<string[]> {
      const listed = await git(['for-each-ref', '--format=%(refname:short)', 'refs/heads']);
      return listed.split('\n').filter(Boolean).sort();
    },
    async close() {
      if (server.listening) await stop();
      await rm(root, { recursive: true, force: true });
    },
  };
}

export type GitServer = Awaited<ReturnType<typeof startGitServer>>;

/** Where the pre-receive hook of the bare repository `bare` records the pushes it receives. */
function pushRecord(bare: string): string {
  return join(dirname(bare), 'pushes.log');
}

/**
 * The pushes the bare repository `bare` has received, oldest first: for a process other than the one that started
 * the server (the e2e tests' workers), which knows only the repository's path.
 */
export async function recordedPushes(bare: string): Promise<RecordedPush[]> {
  const text = await readFile(pushRecord(bare), 'utf8').catch(() => '');
  const pushes: RecordedPush[] = [];
  for (const line of text.split('\n')) {
    const [kind = '', ...rest] = line.split(' ');
    if (kind === 'push') pushes.push({ options: [], refs: [] });
    const current = pushes.at(-1);
    if (kind === 'option' && current) current.options.push(rest.join(' '));
    if (kind === 'ref' && current) current.refs.push({ old: rest[0] ?? '', new: rest[1] ?? '', ref: rest[2] ?? '' });
  }
  return pushes;
}

/** One request through `git http-backend` as a CGI script: the request's body in, its headers and body out. */
function httpBackend(root: string, request: IncomingMessage, response: ServerResponse) {
  const address = new URL(request.url ?? '/', 'http://localhost');
  const header = (name: string) => {
    const value = request.headers[name];
    return Array.isArray(value) ? value.join(', ') : (value ?? '');
  };
  const env: NodeJS.ProcessEnv = {
    NODE_ENV: process.env.NODE_ENV,
    PATH: process.env.PATH,
    ...isolated,
    GIT_PROJECT_ROOT: root,
    GIT_HTTP_EXPORT_ALL: '1',
    PATH_INFO: decodeURIComponent(address.pathname),
    QUERY_STRING: address.search.slice(1),
    REQUEST_METHOD: request.method ?? 'GET',
    CONTENT_TYPE: header('content-type'),
    REMOTE_USER: 'test',
    REMOTE_ADDR: request.socket.remoteAddress ?? '127.0.0.1',
    GIT_PROTOCOL: header('git-protocol'),
    HTTP_CONTENT_ENCODING: header('content-encoding'),
  };
  if (request.headers['content-length']) env.CONTENT_LENGTH = header('content-length');
  const child = spawn('git', ['http-backend'], { env, stdio: ['pipe', 'pipe', 'inherit'] });
  request.pipe(child.stdin);
  child.stdin.on('error', () => undefined);
  let head = Buffer.alloc(0);
  let headersSent = false;
  child.stdout.on('data', (chunk: Buffer) => {
    if (headersSent) {
      response.write(chunk);
      return;
    }
    head = Buffer.concat([head, chunk]);
    const text = head.toString('latin1');
    const end = text.search(/\r?\n\r?\n/);
    if (end < 0) return;
    const separator = /\r?\n\r?\n/.exec(text.slice(end))?.[0].length ?? 2;
    let status = 200;
    const headers: Record<string, string> = {};
    for (const line of text.slice(0, end).split(/\r?\n/)) {
      const colon = line.indexOf(':');
      const name = line.slice(0, colon).trim();
      const value = line.slice(colon + 1).trim();
      if (name.toLowerCase() === 'status') status = Number.parseInt(value, 10);
      else headers[name] = value;
    }
    response.writeHead(status, headers);
    headersSent = true;
    response.write(head.subarray(end + separator));
  });
  child.on('close', () => {
    if (!headersSent) response.writeHead(500);
    response.end();
  });
}
