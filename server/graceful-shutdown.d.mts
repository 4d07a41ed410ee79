// Types for graceful-shutdown.mjs, which plain-Node server/server.mjs uses and its unit test imports.
import type { Server } from 'node:http';

export function stopGracefully(
  server: Server,
  options?: { timeoutMs?: number; idleMs?: number; exit?: (code: number) => void; log?: (line: string) => void },
): () => Promise<void>;
