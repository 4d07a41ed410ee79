import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startGitServer, type GitServer } from '@/test/git-server';
import { startSmtpSink, type ReceivedMail } from '@/test/smtp-sink';
import { npmRun, startSite, type SiteServer } from '../servers';
import { BrowserGate } from './gate';
import type { Journal } from './journal';
import { startRoundRobin } from './round-robin';

/** The two content repositories: GitLab's kind, which takes push options and opens merge requests, and a plain one. */
export type RepositoryKind = 'merge requests' | 'branches';

/** Everything the cast acts against. */
export type Stage = {
  /** The site's one address (on PostgreSQL, the balancer's). */
  url: string;
  journal: Journal;
  gate: BrowserGate;
  /** Every mail the SMTP sink took, in order of arrival. */
  mails: ReceivedMail[];
  /** Mail refused for a while (a mail server down), and taken again. */
  sink: { refuse: () => void; accept: () => void };
  repositories: Record<RepositoryKind, GitServer>;
  /** The repository CONTENT_GIT_URL names now. */
  contentRepository: () => RepositoryKind;
  /** Every server process started, with what it wrote and how it ended. */
  processes: SiteProcess[];
  /**
   * Stops the site with SIGTERM, as a deploy does, and starts it again on the same data, with `contentRepository`
   * if given; `between` runs once the last process has exited and before it starts again. On PostgreSQL the
   * instances restart one after the other, the other serving meanwhile. Browser interactions wait meanwhile.
   */
  restart: (what: string, between: () => Promise<void>, contentRepository?: RepositoryKind) => Promise<void>;
  /** `npm run db:backup` while the site runs: embedded PGlite only (a PostgreSQL server has pg_dump). */
  backup?: () => Promise<{ status: number | null; output: string }>;
  /** Stops the site's processes with SIGTERM, recording how each ended. */
  stopSite: () => Promise<void>;
  /** Stops whatever still runs, and removes the run's data. */
  close: () => Promise<void>;
};

/** A thread's time on a CPU and waiting in a run queue for one, in nanoseconds. */
export type CpuTimes = { ran: number; waited: number };

/**
 * A server process: what it wrote, when (in the journal's time) it was started and stopped, and its main thread's
 * CPU times from its first answer to its stop, when the system tells them.
 */
export type SiteProcess = {
  name: string;
  server: SiteServer;
  started: number;
  stopped?: number;
  exitCode?: number | null;
  cpu?: { first: CpuTimes; last?: CpuTimes };
};

/**
 * The main thread's CPU times, from Linux's /proc/PID/schedstat (on a CPU, then waiting for one); undefined where
 * there is none. The waiting is what other work on the machine cost the site: see invariants.ts, slowdown.
 */
function cpuTimes(pid: number | undefined): CpuTimes | undefined {
  try {
    const [ran, waited] = readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ').map(Number);
    return ran === undefined || waited === undefined ? undefined : { ran, waited };
  } catch {
    return undefined;
  }
}

function processOf(name: string, server: SiteServer, started: number): SiteProcess {
  const first = cpuTimes(server.process.pid);
  return { name, server, started, cpu: first && { first } };
}

export type StageOptions = {
  journal: Journal;
  /** The first of the ports it takes (the site, the SMTP sink, the two repositories, and two instances'). */
  port: number;
  adminEmails: readonly string[];
  notifyTo: string;
  /** The co-ops whose files the content repositories hold. */
  repositoryCoops: readonly string[];
  /** Browser interactions at once. */
  browsers: number;
};

/** The site's settings for the run: its address, mail, repository, quick rounds, and limits no cast can reach. */
function siteEnv(options: StageOptions, url: string, smtpUrl: string, contentGitUrl: string): Record<string, string> {
  const unlimited = '1000000';
  return {
    SITE_URL: url,
    ADMIN_EMAILS: options.adminEmails.join(','),
    SMTP_URL: smtpUrl,
    JOIN_NOTIFY_TO: options.notifyTo,
    CONTENT_GIT_URL: contentGitUrl,
    // Sign-in mail is made by the outbox worker's round: a round every 200 ms keeps the cast's sign-ins quick.
    OUTBOX_POLL_MS: '200',
    OUTBOX_RETRY_SECONDS: '1',
    PROPOSALS_RETRY_SECONDS: '1',
    // Every actor sends from 127.0.0.1: the limits are tested beside their handlers, not here.
    JOIN_RATE_LIMIT: unlimited,
    BRIEF_RATE_LIMIT: unlimited,
    SIGN_IN_CLIENT_LIMIT: unlimited,
    SIGN_IN_CLIENT_ADDRESS_LIMIT: unlimited,
    SIGN_IN_ADDRESS_HOURLY_LIMIT: unlimited,
    RECEIPT_HOURLY_LIMIT: unlimited,
  };
}

async function openCommon(options: StageOptions) {
  const mails: ReceivedMail[] = [];
  const sink = await startSmtpSink(options.port + 1, (mail) => mails.push(mail));
  const repositories: Record<RepositoryKind, GitServer> = {
    'merge requests': await startGitServer({ coops: options.repositoryCoops, port: options.port + 2 }),
    branches: await startGitServer({ coops: options.repositoryCoops, port: options.port + 3, pushOptions: false }),
  };
  const close = async () => {
    await sink.close();
    for (const repository of Object.values(repositories)) await repository.close();
  };
  return { mails, sink, repositories, close };
}

/** Stops one process with SIGTERM and records how it ended. */
async function stopProcess(process: SiteProcess, journal: Journal) {
  process.stopped = journal.now();
  if (process.cpu) process.cpu.last = cpuTimes(process.server.process.pid);
  process.exitCode = await process.server.stop();
}

/** One production server (`npm start`'s server/server.ts) on embedded PGlite, restarted on its data directory. */
export async function embeddedStage(options: StageOptions): Promise<Stage> {
  const { journal } = options;
  const common = await openCommon(options);
  const dataDir = mkdtempSync(join(tmpdir(), 'cotech-life-'));
  const url = `http://127.0.0.1:${options.port}`;
  let repository: RepositoryKind = 'merge requests';
  const processes: SiteProcess[] = [];
  const start = async (name: string) => {
    const env = {
      ...siteEnv(options, url, `smtp://127.0.0.1:${options.port + 1}`, common.repositories[repository].url),
      DATA_DIR: dataDir,
    };
    const started = journal.now();
    const server = await startSite('npm start', env, { port: options.port });
    const process = processOf(name, server, started);
    processes.push(process);
    return process;
  };
  let current = await start('the site, first start');
  const gate = new BrowserGate(options.browsers);
  return {
    url,
    journal,
    gate,
    mails: common.mails,
    sink: common.sink,
    repositories: common.repositories,
    contentRepository: () => repository,
    processes,
    restart: (what, between, contentRepository) =>
      gate.exclusive(() =>
        journal.window(what, async () => {
          await stopProcess(current, journal);
          await between();
          repository = contentRepository ?? repository;
          current = await start(`the site, started again after ${what}`);
        }),
      ),
    backup: () => npmRun(tmpdir(), { DATA_DIR: dataDir }, 'db:backup', `${dataDir}.tar.gz`),
    stopSite: async () => {
      if (current.exitCode === undefined) await stopProcess(current, journal);
    },
    close: async () => {
      if (current.exitCode === undefined) await stopProcess(current, journal);
      await common.close();
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(`${dataDir}.tar.gz`, { force: true });
    },
  };
}

async function admin(serverUrl: string, sql: string) {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Two instances of the production server on one fresh PostgreSQL database (on the server in `serverUrl`), behind
 * one address that sends each request to the next instance in turn.
 */
export async function postgresStage(options: StageOptions, serverUrl: string): Promise<Stage> {
  const { journal } = options;
  const database = `cotech_life_${process.pid}`;
  await admin(serverUrl, `drop database if exists ${database}`);
  await admin(serverUrl, `create database ${database}`);
  const databaseUrl = new URL(serverUrl);
  databaseUrl.pathname = `/${database}`;
  const common = await openCommon(options);
  const instancePorts = [options.port + 11, options.port + 12];
  const balancer = await startRoundRobin(options.port, instancePorts);
  // Each instance's own directory: the proposals' working clone is one process's.
  const dataDirs = instancePorts.map(() => mkdtempSync(join(tmpdir(), 'cotech-life-pg-')));
  let repository: RepositoryKind = 'merge requests';
  const processes: SiteProcess[] = [];
  const start = async (n: number, name: string) => {
    const env = {
      ...siteEnv(options, balancer.url, `smtp://127.0.0.1:${options.port + 1}`, common.repositories[repository].url),
      DATABASE_URL: databaseUrl.href,
      DATA_DIR: dataDirs[n] ?? '',
      // Behind the balancer, the client is the address it appends.
      TRUST_PROXY: '1',
    };
    const started = journal.now();
    const server = await startSite('npm start', env, { port: instancePorts[n] });
    const process = processOf(name, server, started);
    processes.push(process);
    return process;
  };
  // One after the other: the migrations' lock makes them take turns anyway.
  const current = [await start(0, 'instance 1, first start'), await start(1, 'instance 2, first start')];
  const gate = new BrowserGate(options.browsers);
  return {
    url: balancer.url,
    journal,
    gate,
    mails: common.mails,
    sink: common.sink,
    repositories: common.repositories,
    contentRepository: () => repository,
    processes,
    restart: (what, between, contentRepository) =>
      gate.exclusive(async () => {
        repository = contentRepository ?? repository;
        for (const n of [0, 1]) {
          await journal.window(`${what}, instance ${n + 1}`, async () => {
            const process = current[n];
            if (process) await stopProcess(process, journal);
            if (n === 1) await between();
            current[n] = await start(n, `instance ${n + 1}, started again after ${what}`);
          });
        }
      }),
    stopSite: async () => {
      for (const process of current) if (process.exitCode === undefined) await stopProcess(process, journal);
    },
    close: async () => {
      for (const process of current) if (process.exitCode === undefined) await stopProcess(process, journal);
      await balancer.close();
      await common.close();
      for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
      await admin(serverUrl, `drop database if exists ${database}`).catch(() => undefined);
    },
  };
}
