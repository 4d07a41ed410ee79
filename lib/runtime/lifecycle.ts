// The process's shutdown, shared by server/server.ts and the code Next.js bundles (instrumentation, routes). Each
// bundle gets its own copy of this module, so the state lives on globalThis. It imports nothing: plain Node.js
// loads it from server/ as it is.

type ShutdownTask = () => unknown;

type LifecycleState = {
  shuttingDown: boolean;
  signalsHandled: boolean;
  tasks: ShutdownTask[];
  finished: Promise<boolean> | undefined;
  started: PromiseWithResolvers<void>;
};

const key = Symbol.for('cotech.lifecycle');
const holder = globalThis as typeof globalThis & { [key]?: LifecycleState };
const state: LifecycleState = (holder[key] ??= {
  shuttingDown: false,
  signalsHandled: false,
  tasks: [],
  finished: undefined,
  started: Promise.withResolvers<void>(),
});

/** Said by instrumentation.ts once the database is open and migrated (or has failed to open) and the worker runs. */
export function markStarted(): void {
  state.started.resolve();
}

/**
 * Resolves once instrumentation.ts has done its start-up work. Next.js runs `register()` when it creates its
 * server, in `app.prepare()`, but in production it does not wait for it there: only requests that reach Next.js
 * wait. server/server.ts waits for this before it listens, so that answers it sends from memory are not held up
 * by the database opening on the same thread.
 */
export function started(): Promise<void> {
  return state.started.promise;
}

/** Said by server/server.ts before Next.js starts: it handles SIGTERM and SIGINT itself. */
export function handleSignalsInServer(): void {
  state.signalsHandled = true;
}

export function signalsHandledByServer(): boolean {
  return state.signalsHandled;
}

/** Work to do once no request needs it any more (stop the outbox worker, close the database), in the order added. */
export function onShutdown(task: ShutdownTask): void {
  state.tasks.push(task);
}

/** From now on readiness answers 503, so a load balancer sends no new visitors here. */
export function beginShutdown(): void {
  state.shuttingDown = true;
}

export function isShuttingDown(): boolean {
  return state.shuttingDown;
}

/** Runs the shutdown tasks once, each even if an earlier one failed; resolves to whether all succeeded. */
export function runShutdownTasks(): Promise<boolean> {
  state.finished ??= (async () => {
    let ok = true;
    for (const task of state.tasks) {
      try {
        await task();
      } catch (error) {
        ok = false;
        console.error('shutdown:', error instanceof Error ? error.message : error);
      }
    }
    return ok;
  })();
  return state.finished;
}
