// Types for warm-up.mjs, which plain-Node server/server.mjs uses.
import type { Server } from 'node:http';

export function warmUp(server: Server, paths: string[], rounds?: number): Promise<void>;
