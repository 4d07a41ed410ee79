import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { chromiumLaunchOptions } from '@/test/chromium';
import { actorStep, Crew } from './actors';
import { admins, castTheDay, chooseCoops, notifyTo, type Cast, type Coops } from './cast';
import { checkRunningSite, checkStoppedSite, latency, latencyBudgetMs, slowdown, type Verdict } from './invariants';
import { check, Journal } from './journal';
import { perform, Plan, type Step } from './plan';
import { seededRandom } from './random';
import { embeddedStage, postgresStage, type Stage } from './stage';
import { startVisitors } from './visitors';
import { World } from './world';

// A day in the life of one long-running site (issue 30): the stage set up, the sign-in fault walked first, the cast
// at once in the seed's order, the invariants, a report, and on failure everything the run saw saved for a look.
// Shared by the embedded run (day.spec.ts, Playwright) and the PostgreSQL one (day.pg.test.ts, Vitest).

export type DayOptions = {
  seed: number;
  /** The first of the ports the run takes (see stage.ts). */
  port: number;
  /** A PostgreSQL server's URL: two instances on a database of their own there. Without it, embedded PGlite. */
  postgres?: string;
  /** Where a failed run's records go: test-results/…/seed-N. */
  artifacts: string;
};

export type Day = {
  options: DayOptions;
  journal: Journal;
  world: World;
  stage: Stage;
  browser: Browser;
  crew: Crew;
  cast: Cast;
  coops: Coops;
  ordered?: Step[];
  verdicts: Verdict[];
  visitors?: ReturnType<typeof startVisitors>;
  began: number;
};

/** How many of the cast's steps run at once (the operator's and a restart's scene besides). */
const castAtOnce = 6;
/** Browser interactions at once, on a two-core machine shared with the site. */
const browsersAtOnce = 2;

export async function openDay(options: DayOptions): Promise<Day> {
  const began = Date.now();
  const journal = new Journal();
  const random = seededRandom(options.seed);
  const coops = chooseCoops(random.fork('co-ops'));
  const stageOptions = {
    journal,
    port: options.port,
    adminEmails: Object.values(admins),
    notifyTo,
    repositoryCoops: coops.inRepositories.map((coop) => coop.slug),
    browsers: browsersAtOnce,
  };
  const stage = options.postgres
    ? await postgresStage(stageOptions, options.postgres)
    : await embeddedStage(stageOptions);
  const browser = await chromium.launch(chromiumLaunchOptions);
  const world = new World();
  const crew = new Crew(stage, world, browser);
  const cast = castTheDay(crew, random.fork('cast'), coops);
  return { options, journal, world, stage, browser, crew, cast, coops, verdicts: [], began };
}

/** The steps that did not end well, one line each, naming actor and step. */
const failures = (journal: Journal) =>
  journal.steps
    .filter((step) => step.outcome !== 'ok')
    .map((step) => `${step.actor} · ${step.step}: ${step.outcome}: ${step.detail ?? ''}`);

/**
 * The fault the life suite was written after, walked first: a member signs in, the site restarts, she comes back
 * to the admin with her cookie, and another member asks to sign in: that mail must go out. (It once did not:
 * better-auth's object, made by the page that checked her cookie, read a sign-in store the worker never filled.)
 */
export async function signInAfterRestart(day: Day): Promise<void> {
  const { crew, stage, cast } = day;
  const { ada, ola, operator } = cast;
  const plan = new Plan();
  const signedIn = actorStep(plan, ada, 'signs in by the mailed link over HTTP', async () => {
    await crew.useOverHttp(ada, admins.ada, await crew.askOverHttp(ada, admins.ada), 'link');
  });
  const restart = actorStep(
    plan,
    operator,
    'restart 0: SIGTERM, then start again',
    () => stage.restart('restart 0', async () => {}),
    { after: [signedIn] },
  );
  const back = actorStep(
    plan,
    ada,
    'returns to /admin/enquiries with her cookie from before the restart',
    async () => {
      const page = await crew.http(ada, '/admin/enquiries');
      check(page.status === 200, `her session should open the admin after the restart: got ${page.status}`);
    },
    { after: [restart] },
  );
  actorStep(
    plan,
    ola,
    'asks to sign in after that, and must get the mail',
    async () => {
      // Within 30 s: with a round every 200 ms the mail comes in a second; before the fix it never came.
      await crew.useOverHttp(ola, admins.ola, await crew.askOverHttp(ola, admins.ola), 'link', 30_000);
    },
    { after: [back] },
  );
  await perform(plan.steps, day.journal, 1);
  const failed = failures(day.journal);
  if (failed.length > 0) {
    const logged = stage.processes.flatMap((process) =>
      process.server
        .errors()
        .split('\n')
        .filter((line) => line.includes('sign-in'))
        .map((line) => `${process.name}: ${line}`),
    );
    throw new Error([...failed, ...logged].join('\n'));
  }
}

/** The cast at once, in the seed's order, with visitors reading throughout; then the invariants. */
export async function liveTheDay(day: Day): Promise<Verdict[]> {
  const { journal, stage, cast } = day;
  day.visitors = startVisitors(journal, stage.url, seededRandom(day.options.seed).fork('visitors'), 2);
  day.ordered = cast.plan.order(seededRandom(day.options.seed).fork('order'));
  await perform(day.ordered, journal, castAtOnce);
  await day.visitors.stop();
  day.verdicts = await checkRunningSite(day);
  await stage.stopSite();
  day.verdicts.push(...checkStoppedSite(day));
  return day.verdicts;
}

/** The failed invariants' problems, each naming actor and step where there is one. */
export const broken = (verdicts: readonly Verdict[]) =>
  verdicts.flatMap((verdict) => verdict.problems.map((problem) => `${verdict.name}: ${problem}`));

/** What the run prints at its end: the seed, counts per actor, the restarts, the invariants, page latency. */
export function report(day: Day): string {
  const { journal, options } = day;
  const lines = [
    `A day in the life, on ${options.postgres ? 'PostgreSQL, two instances behind one address' : 'embedded PGlite'}: ` +
      `seed ${options.seed} (LIFE_SEED=${options.seed} replays this order), ${Math.round((Date.now() - day.began) / 1000)} s`,
  ];
  const actors = [...new Set(journal.steps.map((step) => step.actor))];
  const counts = actors.map((actor) => {
    const steps = journal.steps.filter((step) => step.actor === actor);
    const ok = steps.filter((step) => step.outcome === 'ok').length;
    return `${actor} ${ok}/${steps.length}`;
  });
  lines.push(`steps done per actor: ${counts.join(', ')}`);
  const pages = [...(day.visitors?.pagesRead ?? new Map<string, number>())].map(([name, n]) => `${name} ${n}`);
  lines.push(`pages read: ${pages.join(', ')}; requests in all: ${journal.exchanges.length}`);
  lines.push(
    `restarts: ${journal.windows
      .map((window) => `${window.what} ${(((window.to ?? journal.now()) - window.from) / 1000).toFixed(1)} s`)
      .join(', ')}`,
  );
  for (const restart of day.world.restarts)
    lines.push(`  ${restart.what}: ${restart.unsentAtStop} mails queued at the stop`);
  const backup = day.world.backup;
  if (backup) lines.push(`backup: ${backup.output.trim().split('\n').at(-1)}`);
  lines.push('invariants:');
  for (const verdict of day.verdicts) {
    lines.push(`  ${verdict.problems.length === 0 ? 'held' : 'BROKEN'}: ${verdict.name} (${verdict.checked} checked)`);
  }
  const { count, p50, p99, worst } = latency(journal.exchanges);
  const factor = slowdown(day.stage.processes);
  lines.push(
    `page latency over ${count} pages: p50 ${p50} ms, p99 ${p99} ms, worst ${worst} ms; the site's work ran ` +
      `${factor.toFixed(2)} times slower than on a CPU of its own (it waited for one), so p99 counts as ` +
      `${Math.round(p99 / factor)} ms (budget ${latencyBudgetMs} ms)`,
  );
  return lines.join('\n');
}

/** Everything a failed run saw, for CI to keep: the servers' logs, the mail, the plan and each actor's steps. */
export function saveRecords(day: Day, problems: readonly string[]): string {
  const dir = join(day.options.artifacts, `seed-${day.options.seed}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'problems.txt'), `${problems.join('\n')}\n\n${report(day)}\n`);
  day.stage.processes.forEach((process, n) =>
    writeFileSync(join(dir, `server-${n + 1}.log`), `${process.name}\n\n${process.server.output()}`),
  );
  const mails = day.stage.mails.map((mail) => ({
    at: mail.receivedAt - day.journal.startedAt,
    from: mail.from,
    to: mail.to,
    replyTo: mail.parsed.replyTo?.text,
    subject: mail.parsed.subject,
    text: mail.parsed.text,
  }));
  writeFileSync(join(dir, 'mails.json'), JSON.stringify(mails, null, 1));
  writeFileSync(join(dir, 'steps.json'), JSON.stringify(day.journal.steps, null, 1));
  writeFileSync(join(dir, 'exchanges.json'), JSON.stringify(day.journal.exchanges));
  writeFileSync(join(dir, 'restarts.json'), JSON.stringify(day.journal.windows, null, 1));
  const plan = (day.ordered ?? day.cast.plan.steps).map((step, n) => `${n + 1}. ${step.actor} · ${step.name}`);
  writeFileSync(join(dir, 'plan.txt'), `${plan.join('\n')}\n`);
  return dir;
}

export async function closeDay(day: Day | undefined) {
  if (!day) return;
  await day.visitors?.stop();
  for (const actor of day.cast.actors) await actor.close();
  await day.browser.close();
  await day.stage.close();
}
