// The process's shutdown, shared by server/server.mjs and the code Next.js bundles (instrumentation, routes). Each
// bundle gets its own copy of this module, so the state lives on globalThis.
const key = Symbol.for('cotech.lifecycle');
const state = (globalThis[key] ??= {
  shuttingDown: false,
  signalsHandled: false,
  tasks: [],
  finished: undefined,
  started: Promise.withResolvers(),
});

/** Said by instrumentation.ts once the database is open and migrated (or has failed to open) and the worker runs. */
export function markStarted() {
  state.started.resolve();
}

/**
 * Resolves once instrumentation.ts has done its start-up work. Next.js runs `register()` when it creates its
 * server, in `app.prepare()`, but in production it does not wait for it there: only requests that reach Next.js
 * wait. server/server.mjs waits for this before it listens, so that answers it sends from memory are not held up
 * by the database opening on the same thread.
 */
export function started() {
  return state.started.promise;
}

/** Said by server/server.mjs before Next.js starts: it handles SIGTERM and SIGINT itself. */
export function handleSignalsInServer() {
  state.signalsHandled = true;
}

export function signalsHandledByServer() {
  return state.signalsHandled;
}

/** Work to do once no request needs it any more (stop the outbox worker, close the database), in the order added. */
export function onShutdown(task) {
  state.tasks.push(task);
}

/** From now on readiness answers 503, so a load balancer sends no new visitors here. */
export function beginShutdown() {
  state.shuttingDown = true;
}

export function isShuttingDown() {
  return state.shuttingDown;
}

/** Runs the shutdown tasks once, each even if an earlier one failed; resolves to whether all succeeded. */
export function runShutdownTasks() {
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
