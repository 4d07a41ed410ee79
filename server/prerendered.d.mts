// Types for prerendered.mjs, which plain-Node server/server.mjs uses and its unit test imports.
import type { IncomingMessage, ServerResponse } from 'node:http';

export type Prerendered = { body: Buffer; gzip?: Buffer; headers: Record<string, string> };
export function prerenderedRoutes(distDir?: string): Record<string, { routeType?: string; srcRoute?: string }>;
export function outputBase(distDir: string, path: string): string;
export function configuredHeaders(distDir?: string): (path: string) => Record<string, string> | undefined;
export function loadPrerendered(distDir?: string): Map<string, Prerendered>;
export function servePrerendered(
  request: IncomingMessage,
  response: ServerResponse,
  responses: Map<string, Prerendered>,
): boolean;
