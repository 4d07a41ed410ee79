// Types for lifecycle.mjs, which plain-Node server/server.mjs shares with the code Next.js bundles.
export function handleSignalsInServer(): void;
export function signalsHandledByServer(): boolean;
export function onShutdown(task: () => Promise<void> | void): void;
export function beginShutdown(): void;
export function isShuttingDown(): boolean;
export function runShutdownTasks(): Promise<boolean>;
export function markStarted(): void;
export function started(): Promise<void>;
