// Types for strip-runtime.mjs, which the build runs with plain Node.js and its unit test imports.
export function stripRuntime(html: string): string;
export function runtimeNeed(html: string, modules: readonly string[] | undefined): string | undefined;
export function buildSettings(distDir?: string): { output?: string; basePath?: string; assetPrefix?: string };
export function stripBuild(distDir?: string): { stripped: string[]; standalone: string | undefined };
export function completeStandalone(distDir?: string): void;
