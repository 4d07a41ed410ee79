import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ProposalSettings } from '@/lib/proposals/worker';

let made = 0;

/**
 * A proposals worker's settings in a test, pushing to `address`: each its own working clone under `scratch`, as
 * each instance of the site has its own data directory.
 */
export async function workerSettings(scratch: string, address: string | undefined): Promise<ProposalSettings> {
  made += 1;
  const workDir = join(scratch, `worker-${made}`);
  await mkdir(workDir, { recursive: true });
  return {
    address,
    target: 'main',
    workDir,
    siteDir: process.cwd(),
    committer: { name: 'CoTech site', email: 'site@coops.example' },
    timeoutMs: 20_000,
    retryBaseSeconds: 30,
    leaseSeconds: 600,
  };
}
