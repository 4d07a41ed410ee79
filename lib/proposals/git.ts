import 'server-only';
import { spawn } from 'node:child_process';
import { withoutCredentials } from '@/lib/settings';

/** A git command that failed: its message names the command and git's own words, with any credentials removed. */
export class GitError extends Error {
  readonly exitCode: number | null;
  constructor(message: string, exitCode: number | null) {
    super(message);
    this.name = 'GitError';
    this.exitCode = exitCode;
  }
}

/** Where a remote is, and the credentials to reach it, kept apart so the credentials never appear in a command. */
export type Remote = {
  /** The address without user or password: safe to log and to pass on a command line. */
  url: string;
  /** `Authorization: Basic …` for an http(s) address that carried `user:token@`. */
  authorization?: string;
};

/**
 * `CONTENT_GIT_URL` as a remote. A deploy token in the address (https://user:token@host/…) is sent as a Basic
 * authorization header through git's environment, not its arguments: arguments are visible to every user of the
 * machine (`ps`), a process's environment only to its owner, and the address git prints in its errors is then the
 * one without the token.
 */
export function remoteOf(address: string): Remote {
  if (!/^https?:/i.test(address)) return { url: address };
  const parsed = new URL(address);
  if (!parsed.username && !parsed.password) return { url: address };
  const user = decodeURIComponent(parsed.username);
  const password = decodeURIComponent(parsed.password);
  parsed.username = '';
  parsed.password = '';
  return {
    url: parsed.href,
    authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`,
  };
}

/**
 * What git says, before it sends anything, when asked to push with options to a repository that does not advertise
 * them (`receive.advertisePushOptions`: a plain repository, GitHub).
 */
export const noPushOptions = /the receiving end does not support push options/;

/** Text with the user and password of any address in it hidden: for errors and logs. */
export const redact = withoutCredentials;

export type GitOptions = {
  cwd: string;
  remote?: Remote;
  /** Added to the environment: the author and committer, a temporary index. */
  env?: Record<string, string>;
  input?: string;
  /** A hung server must not hang the worker: the command and its helpers are killed after this long. */
  timeoutMs: number;
};

/**
 * Runs `git` with `args` (no shell) and resolves to its standard output. Never asks anyone anything (no terminal
 * prompt, no credential helper, no editor), ignores the machine's and the user's git configuration, and runs no
 * hooks of the working clone: the worker's git behaves the same on every machine.
 */
export function git(args: readonly string[], options: GitOptions): Promise<string> {
  const { remote } = options;
  const config: [string, string][] = [
    ['core.hooksPath', '/dev/null'],
    ['commit.gpgSign', 'false'],
    ['credential.helper', ''],
    ['protocol.file.allow', 'always'],
  ];
  // Scoped to the remote's address, so the header never goes to another host (a redirect, a submodule).
  if (remote?.authorization) config.push([`http.${remote.url}.extraHeader`, `Authorization: ${remote.authorization}`]);
  const env: NodeJS.ProcessEnv = {
    NODE_ENV: process.env.NODE_ENV,
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    LANG: 'C',
    GIT_TERMINAL_PROMPT: '0',
    GIT_ASKPASS: '',
    SSH_ASKPASS: '',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_COUNT: String(config.length),
    ...Object.fromEntries(
      config.flatMap(([key, value], index) => [
        [`GIT_CONFIG_KEY_${index}`, key],
        [`GIT_CONFIG_VALUE_${index}`, value],
      ]),
    ),
    ...options.env,
  };
  return new Promise((resolve, reject) => {
    // Its own process group, so a timeout ends git's helpers too (git-remote-https holds the connection).
    const child = spawn('git', args, { cwd: options.cwd, env, detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, options.timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new GitError(`git ${args[0]}: ${redact(error.message)}`, null));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      const stdout = Buffer.concat(out).toString('utf8');
      if (code === 0 && !timedOut) return resolve(stdout);
      const said = redact(Buffer.concat(err).toString('utf8').trim() || stdout.trim());
      // With prompts off, git says a refused token as its failure to ask for one.
      const refused = /could not read (Username|Password)/.test(said)
        ? ' (the server asked for credentials: the token in CONTENT_GIT_URL is missing, wrong or expired)'
        : '';
      const why = timedOut ? `no answer within ${options.timeoutMs} ms` : `${said || `exit code ${code}`}${refused}`;
      reject(new GitError(`git ${args[0]}: ${why}`.slice(0, 2000), code));
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
  });
}
