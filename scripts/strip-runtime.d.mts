// Types for strip-runtime.mjs, which the build runs with plain Node.js and its unit test imports.
export function stripRuntime(html: string): string;
export function runtimeNeed(html: string, modules: readonly string[] | undefined): string | undefined;
export function stripBuild(distDir?: string): { stripped: string[]; kept: { path: string; need: string }[] };
