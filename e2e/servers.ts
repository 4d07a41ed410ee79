import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..');

/**
 * Site servers that a test starts itself, on the build the Playwright webServer made: `npm start`'s server or
 * Next.js's own `next start`, each on a free port with a fresh embedded database. Each runs in a process group of
 * its own and is ended by its pid, never by name.
 */
export type SiteServer = {
  url: string;
  port: number;
  process: ChildProcess;
  /** Everything it wrote, standard output and error as they came. */
  output: () => string;
  /** What it wrote to standard error alone: its warnings and errors. */
  errors: () => string;
  stop: () => Promise<number | null>;
};

/**
 * `npm start`'s server as Node.js runs it, without server/start's build: TypeScript, in a package without a "type",
 * so the warning that brings is silenced as `npm start` does (server/start.mjs says why).
 */
export const npmStartServer = ['--disable-warning=MODULE_TYPELESS_PACKAGE_JSON', 'server/server.ts'] as const;

const commands = {
  'npm start': npmStartServer,
  'next start': ['node_modules/next/dist/bin/next', 'start'],
} as const;

export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

/** Starts a site and resolves once it answers; on `port` when given (a restart at the same address), else a free one. */
export async function startSite(
  how: keyof typeof commands,
  env: Record<string, string> = {},
  options: { port?: number } = {},
): Promise<SiteServer> {
  const port = options.port ?? (await freePort());
  const args = how === 'next start' ? [...commands[how], '-p', String(port), '-H', '127.0.0.1'] : [...commands[how]];
  let output = '';
  let errors = '';
  const child = spawn(process.execPath, args, {
    detached: true,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      PORT: String(port),
      HOSTNAME: '127.0.0.1',
      DATA_DIR: env.DATA_DIR ?? mkdtempSync(join(tmpdir(), 'cotech-site-')),
      LINK_CHECK_DAYS: '0',
      ...env,
    },
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    errors += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 150_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${how} exited with ${child.exitCode}:\n${output}`);
    const answered = await fetch(`${url}/api/join`).then(
      (response) => response.status === 405,
      () => false,
    );
    if (answered) break;
    if (Date.now() > deadline) throw new Error(`${how} did not answer within 150 s:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    port,
    process: child,
    output: () => output,
    errors: () => errors,
    stop: async () => {
      if (child.exitCode === null && child.pid) process.kill(-child.pid, 'SIGTERM');
      return exited;
    },
  };
}

/** `npm run SCRIPT -- ARGS` typed in `cwd` (not the package's directory), as an operator would, with `env`. */
export function npmRun(cwd: string, env: Record<string, string>, script: string, ...args: string[]) {
  return new Promise<{ status: number | null; output: string }>((resolve) => {
    const child = spawn('npm', ['--prefix', root, 'run', '--silent', script, '--', ...args], {
      cwd,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production', ...env },
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (status) => resolve({ status, output }));
  });
}
