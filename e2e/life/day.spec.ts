// A day in the life of one long-running site, on embedded PGlite (issue 30): `npm run test:life`. What it does is in
// day.ts and cast.ts; LIFE_SEED=N replays a run's order, LIFE_PORT moves its ports (4000 to 4003 by default).
import { test } from '@playwright/test';
import { broken, closeDay, liveTheDay, openDay, report, saveRecords, signInAfterRestart, type Day } from './day';
import { lifeSeed } from './random';

test.describe.configure({ mode: 'serial' });

const seed = lifeSeed();
let day: Day | undefined;

/** Runs a test's body; a failure saves everything the run saw under test-results/life/ first. */
async function keepingRecords(body: (day: Day) => Promise<string[]>) {
  if (!day) throw new Error('the day did not open');
  let problems: string[];
  try {
    problems = await body(day);
  } catch (error) {
    problems = [error instanceof Error ? (error.stack ?? error.message) : String(error)];
  }
  if (problems.length > 0) {
    const dir = saveRecords(day, problems);
    throw new Error(
      `seed ${seed}: ${problems.length} problem(s); the run's records are in ${dir}\n${problems.join('\n')}`,
    );
  }
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  console.log(`A day in the life: seed ${seed}`);
  day = await openDay({ seed, port: Number(process.env.LIFE_PORT || 4000), artifacts: 'test-results/life' });
});

test.afterAll(async () => {
  test.setTimeout(60_000);
  await closeDay(day);
});

test('first: a member signs in, the site restarts, she returns with her cookie, and the next sign-in still gets its mail', async () => {
  test.setTimeout(120_000);
  await keepingRecords(async (opened) => {
    await signInAfterRestart(opened);
    return [];
  });
});

test('the cast at once in the seed’s order, two restarts under load and a backup: every invariant holds', async () => {
  test.setTimeout(360_000);
  await keepingRecords(async (opened) => {
    const verdicts = await liveTheDay(opened);
    console.log(report(opened));
    return broken(verdicts);
  });
});
