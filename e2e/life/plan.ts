import { StepFailure, type Journal, type StepRecord } from './journal';
import type { Random } from './random';

/**
 * A step of the cast: one thing one actor does. Each actor does its steps one at a time, in the order they were
 * added; a step may also wait for other actors' steps (`after`), such as a member forwarding the brief a client has
 * sent. The operator's steps (restarts, outages, the backup) and the steps of a restart's scene run outside the
 * cast's limit on steps at once, so a cast busy waiting for mail held up by an outage can never keep the restart
 * that ends the outage from starting.
 */
export type Step = {
  id: number;
  actor: string;
  name: string;
  after: number[];
  /** The share of the plan (0 to 1) placed before this step may be: spreads the operator's steps over the run. */
  notBefore: number;
  outsideLimit: boolean;
  /**
   * A restart's scene: once one of its steps is placed, nothing else is until all of them are. Work that waits for
   * mail held up by the scene's outage must never start before the scene's restart: an actor's next step would then
   * wait for it, and every step after that, the restart among them, would wait too.
   */
  scene?: string;
  /** Runs even when a step it waits for failed: the operator ends an outage whatever the cast managed in it. */
  always: boolean;
  run: () => Promise<void>;
};

export type StepOptions = {
  after?: (number | undefined)[];
  notBefore?: number;
  outsideLimit?: boolean;
  scene?: string;
  always?: boolean;
};

export class Plan {
  readonly steps: Step[] = [];

  /** Adds a step; returns its id, for other steps' `after`. */
  add(actor: string, name: string, run: () => Promise<void>, options: StepOptions = {}): number {
    const id = this.steps.length;
    this.steps.push({
      id,
      actor,
      name,
      after: (options.after ?? []).filter((dep): dep is number => dep !== undefined),
      notBefore: options.notBefore ?? 0,
      outsideLimit: options.outsideLimit ?? false,
      scene: options.scene,
      always: options.always ?? false,
      run,
    });
    return id;
  }

  /** The last step added for `actor`, if any. */
  lastOf(actor: string): number | undefined {
    return this.steps.findLast((step) => step.actor === actor)?.id;
  }

  /**
   * The order the steps start in, drawn from `random`: at each place, any step whose actor's earlier steps and
   * whose `after` steps are placed already, and whose `notBefore` share of the plan is reached, is equally likely;
   * a scene, once begun, is placed whole before anything else.
   */
  order(random: Random): Step[] {
    const placed = new Set<number>();
    const ordered: Step[] = [];
    const previousOf = new Map<number, number>();
    const lastByActor = new Map<string, number>();
    for (const step of this.steps) {
      const previous = lastByActor.get(step.actor);
      if (previous !== undefined) previousOf.set(step.id, previous);
      lastByActor.set(step.actor, step.id);
    }
    let scene: string | undefined;
    while (ordered.length < this.steps.length) {
      const share = ordered.length / this.steps.length;
      const ready = this.steps.filter(
        (step) =>
          !placed.has(step.id) &&
          (scene === undefined || step.scene === scene) &&
          step.notBefore <= share &&
          [previousOf.get(step.id), ...step.after].every((dep) => dep === undefined || placed.has(dep)),
      );
      if (ready.length === 0 && scene !== undefined) throw new Error(`the scene "${scene}" cannot go on`);
      if (ready.length === 0) {
        const waiting = this.steps.filter((step) => !placed.has(step.id));
        // Only a plan whose steps wait for each other in a circle, or for a share nothing else can fill, gets here.
        if (waiting.every((step) => step.notBefore <= share)) throw new Error('the plan waits for itself');
        const next = waiting.reduce((low, step) => (step.notBefore < low.notBefore ? step : low));
        next.notBefore = share;
        continue;
      }
      const next = random.pick(ready);
      placed.add(next.id);
      ordered.push(next);
      const open = next.scene;
      scene = open && this.steps.some((step) => step.scene === open && !placed.has(step.id)) ? open : undefined;
    }
    return ordered;
  }
}

/**
 * Starts the steps in the order given, each once its actor's previous step and its `after` steps have ended and
 * fewer than `limit` of the cast's steps are running. A step that fails is recorded with its message; the actor's
 * later steps, and every step that waits for it, are skipped and recorded as such (they would act on a world that
 * is not what they expect), and the run goes on.
 */
export async function perform(ordered: readonly Step[], journal: Journal, limit: number): Promise<void> {
  const ended = new Map<number, Promise<boolean>>();
  const lastByActor = new Map<string, Promise<boolean>>();
  const running = new Set<Promise<boolean>>();
  for (const step of ordered) {
    const waitsFor = [lastByActor.get(step.actor), ...step.after.map((id) => ended.get(id))];
    const okSoFar = (await Promise.all(waitsFor)).every((ok) => ok !== false);
    while (!step.outsideLimit && [...running].length >= limit) await Promise.race(running);
    const record: StepRecord = { actor: step.actor, step: step.name, started: journal.now() };
    journal.steps.push(record);
    const done = (async () => {
      if (!okSoFar && !step.always) {
        record.outcome = 'skipped';
        record.detail = 'an earlier step it needs did not succeed';
        record.ended = journal.now();
        return false;
      }
      try {
        await step.run();
        record.outcome = 'ok';
        return true;
      } catch (error) {
        record.outcome = 'failed';
        record.detail =
          error instanceof StepFailure ? error.message : String(error instanceof Error ? error.stack : error);
        return false;
      } finally {
        record.ended = journal.now();
      }
    })();
    ended.set(step.id, done);
    lastByActor.set(step.actor, done);
    if (!step.outsideLimit) {
      running.add(done);
      void done.then(() => running.delete(done));
    }
  }
  await Promise.all(ended.values());
}
