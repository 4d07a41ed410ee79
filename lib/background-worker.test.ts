import { afterEach, describe, expect, it, vi } from 'vitest';
import { startWorker, stopWorker, wakeWorker } from './background-worker';

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

/** A round that waits until the test lets it finish, counting how many began. */
function gatedRounds() {
  const state = { began: 0, release: () => {} };
  const round = () => {
    state.began += 1;
    return new Promise<void>((resolve) => (state.release = resolve));
  };
  return { state, round };
}

afterEach(() => stopWorker('test', 100, 'working'));

describe('a background worker', () => {
  it('runs a round at start and at once when woken, not waiting for its poll', async () => {
    const { state, round } = gatedRounds();
    startWorker('test', 60_000, round);
    expect(state.began).toBe(1);
    state.release();
    await settle();
    wakeWorker('test');
    expect(state.began).toBe(2);
    state.release();
  });

  it('runs one more round right after the current one when woken during it, however often', async () => {
    const { state, round } = gatedRounds();
    startWorker('test', 60_000, round);
    wakeWorker('test');
    wakeWorker('test');
    expect(state.began).toBe(1);
    state.release();
    await settle();
    expect(state.began).toBe(2);
    state.release();
    await settle();
    expect(state.began).toBe(2);
  });

  it('starts once under one name', async () => {
    const { state, round } = gatedRounds();
    startWorker('test', 60_000, round);
    startWorker('test', 60_000, round);
    expect(state.began).toBe(1);
    state.release();
  });

  it('at stop, aborts the round’s signal, waits for it, and starts no other', async () => {
    let signal: AbortSignal | undefined;
    const { state, round } = gatedRounds();
    startWorker('test', 10, (given) => ((signal = given), round()));
    const stopped = stopWorker('test', 5_000, 'working');
    expect(signal?.aborted).toBe(true);
    let done = false;
    void stopped.then(() => (done = true));
    await settle();
    expect(done).toBe(false);
    state.release();
    await stopped;
    await settle();
    expect(state.began).toBe(1);
  });

  it('stops without a round that keeps it waiting past the timeout, saying so in one line', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    startWorker('test', 60_000, () => new Promise(() => {}));
    await stopWorker('test', 50, 'working');
    expect(error).toHaveBeenCalledWith('test: still working after 50 ms, stopping without it');
    error.mockRestore();
  });

  it('logs a round’s escaped error in one line and goes on polling', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    let rounds = 0;
    startWorker('test', 10, async () => {
      rounds += 1;
      if (rounds === 1) throw new Error('the database went away');
    });
    await settle();
    expect(error).toHaveBeenCalledWith('test:', 'the database went away');
    expect(rounds).toBeGreaterThan(1);
    error.mockRestore();
  });
});
