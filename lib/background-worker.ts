import 'server-only';

/**
 * A worker in the server process (the mail outbox's, the proposals'): runs `round` every `pollMs`, and at once when
 * woken. A wake during a round runs another right after it, for work stored after the round last looked. Kept on
 * globalThis under `name`: a worker starts from instrumentation's bundle and is woken from a route's or a Server
 * Action's bundle, which are other module instances.
 */
type Worker = {
  timer?: NodeJS.Timeout;
  running?: Promise<void>;
  again: boolean;
  stop: AbortController;
  /** Starts a round now. */
  run: () => void;
};
const workers = globalThis as typeof globalThis & { cotechWorkers?: Map<string, Worker> };
const all = () => (workers.cotechWorkers ??= new Map<string, Worker>());

/**
 * Starts the worker `name` unless it runs already. `round` gets a signal that aborts at shutdown: it should finish
 * what it is doing and start nothing more. It handles its own errors; one that escapes is logged in one line.
 */
export function startWorker(name: string, pollMs: number, round: (signal: AbortSignal) => Promise<void>): void {
  if (all().has(name)) return;
  const worker: Worker = { again: false, stop: new AbortController(), run: () => loop() };
  all().set(name, worker);
  const { signal } = worker.stop;
  const loop = (): void => {
    worker.running = round(signal)
      .catch((error: unknown) => console.error(`${name}:`, error instanceof Error ? error.message : error))
      .finally(() => {
        worker.running = undefined;
        if (signal.aborted) return;
        if (worker.again) {
          worker.again = false;
          return loop();
        }
        worker.timer = setTimeout(loop, pollMs);
        worker.timer.unref();
      });
  };
  loop();
}

/** Runs the worker's next round now rather than at its next poll (after the current one, if one is running). */
export function wakeWorker(name: string): void {
  const worker = all().get(name);
  if (!worker || worker.stop.signal.aborted) return;
  if (worker.running) {
    worker.again = true;
    return;
  }
  clearTimeout(worker.timer);
  worker.run();
}

/**
 * Stops the worker for shutdown: its round finishes what it is doing and no other starts. Resolves once it has,
 * or after `timeoutMs`, saying so in one line, if the round keeps it waiting (`doing` names what it was doing).
 */
export async function stopWorker(name: string, timeoutMs: number, doing: string): Promise<void> {
  const worker = all().get(name);
  if (!worker) return;
  worker.stop.abort();
  clearTimeout(worker.timer);
  let timer: NodeJS.Timeout | undefined;
  const waited = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), timeoutMs)));
  if ((await Promise.race([worker.running, waited])) === 'late') {
    console.error(`${name}: still ${doing} after ${timeoutMs} ms, stopping without it`);
  }
  clearTimeout(timer);
  all().delete(name);
}
