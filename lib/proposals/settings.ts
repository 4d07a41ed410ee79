import 'server-only';
import type { Settings } from '@/lib/settings';
import { site } from '@/lib/site';
import { proposalsDir } from './repository';
import type { ProposalSettings } from './worker';

/** How often the worker looks for proposals due again, besides being woken by kickProposals() for new ones. */
export const proposalPollMs = 10_000;

/** The longest one git command may take: a server that stops answering must not hold the worker. */
const gitTimeoutMs = 60_000;

/**
 * The proposals' worker as the running site sets it up: pushing to `CONTENT_GIT_URL` (or the stand-in repository
 * under `DATA_DIR`), for merge requests into the branch the site is built from (`CMS_GITLAB_BRANCH`, the same fact
 * the content manager reads), committed by the site.
 */
export function proposalSettings(
  settings: Pick<Settings, 'CONTENT_GIT_URL' | 'CMS_GITLAB_BRANCH' | 'DATA_DIR' | 'PROPOSALS_RETRY_SECONDS'>,
): ProposalSettings {
  return {
    address: settings.CONTENT_GIT_URL,
    // A branch name, checked at start (lib/settings.ts).
    target: settings.CMS_GITLAB_BRANCH,
    workDir: proposalsDir(settings.DATA_DIR),
    siteDir: process.cwd(),
    committer: { name: site.name, email: site.email },
    timeoutMs: gitTimeoutMs,
    retryBaseSeconds: settings.PROPOSALS_RETRY_SECONDS,
    // One push is at most nine git commands (three over the network), each within the timeout.
    leaseSeconds: (9 * gitTimeoutMs) / 1000 + 60,
  };
}
