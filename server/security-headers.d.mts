// Types for security-headers.mjs, which plain-Node server/server.mjs and TypeScript (proxy.ts, tests) share.
export function prerenderedScriptHashes(distDir?: string): Map<string, string[]>;
export function contentSecurityPolicy(scriptSources: string[]): string;
export const staticSecurityHeaders: Record<string, string>;
export function headersFor(pathname: string, hashes: Map<string, string[]>): Record<string, string>;
