// The same day on PostgreSQL (issue 30), in the PostgreSQL suite (`npm run test:pg`): two instances of the built site
// on one fresh database, behind one address that sends each request to the next instance, so each person's
// requests alternate between them; restarts are rolling, one instance at a time. No backup here: a PostgreSQL
// server is backed up with pg_dump. LIFE_SEED=N replays a run's order, LIFE_PG_PORT moves its ports (4040 on).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { broken, closeDay, liveTheDay, openDay, report, saveRecords, signInAfterRestart, type Day } from './day';
import { lifeSeed } from './random';

const seed = lifeSeed();
let day: Day | undefined;

/** Saves everything the run saw under test-results/life-pg/ when there are problems; returns them. */
function kept(problems: string[]): string[] {
  if (day && problems.length > 0) {
    const dir = saveRecords(day, problems);
    return [`seed ${seed}: the run's records are in ${dir}`, ...problems];
  }
  return problems;
}

beforeAll(async () => {
  console.log(`A day in the life on PostgreSQL: seed ${seed}`);
  day = await openDay({
    seed,
    port: Number(process.env.LIFE_PG_PORT || 4040),
    postgres: process.env.TEST_DATABASE_URL ?? '',
    artifacts: 'test-results/life-pg',
  });
}, 180_000);

afterAll(() => closeDay(day), 60_000);

it('first: a member signs in, the instances restart, she returns with her cookie, and the next sign-in gets its mail', async () => {
  if (!day) throw new Error('the day did not open');
  const problems = await signInAfterRestart(day).then(
    () => [],
    (error: Error) => [error.message],
  );
  expect(kept(problems)).toEqual([]);
}, 150_000);

it('the cast at once in the seed’s order, through two rolling restarts under load: every invariant holds', async () => {
  if (!day) throw new Error('the day did not open');
  const verdicts = await liveTheDay(day);
  console.log(report(day));
  expect(kept(broken(verdicts))).toEqual([]);
}, 420_000);
