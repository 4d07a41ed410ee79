import 'server-only';
import { startWorker, stopWorker, wakeWorker } from '@/lib/background-worker';
import type { Database } from '@/lib/db';
import { getDb } from '@/lib/db';
import { UnpushableProposal } from './change';
import { oneLine } from '@/lib/format';
import { redact } from './git';
import { pushProposal } from './push';
import { pushConfirmationBatch } from './batch';
import { completeDepartures } from './departure';
import { deployedEntry } from './pending';
import { claimDueProposals, markFailed, markPushed, releaseProposals, retryLater } from './queue';
import { reviewProposals } from './review';
import { repositoryUrl, type RepositorySettings } from './repository';

export type ProposalSettings = RepositorySettings & {
  /** The first retry waits this long; each later one twice as long as the one before, up to an hour. */
  retryBaseSeconds: number;
  /**
   * How long a claimed proposal stays claimed by one worker before another may try it (a crashed worker's). Longer
   * than one push can take: the few git commands of one proposal, each within `timeoutMs`.
   */
  leaseSeconds: number;
};

/**
 * Pushes the proposals that are due, one at a time (each claimed only when its turn comes, so its lease covers
 * its own push alone), until none is left or `signal` aborts. `held` is the caller's memory of its claim, as the
 * outbox's is: a claim left by a round the database interrupted is released first thing in the next.
 * Resolves to how many proposals were settled (pushed, failed or put back for later).
 */
export async function deliverProposals(
  db: Database,
  settings: ProposalSettings,
  { signal, held = new Set() }: { signal?: AbortSignal; held?: Set<string> } = {},
): Promise<number> {
  if (held.size > 0) {
    await releaseProposals(db, [...held]);
    held.clear();
  }
  let settled = 0;
  while (!signal?.aborted) {
    const [proposal] = await claimDueProposals(db, settings.leaseSeconds, 1);
    if (!proposal) break;
    held.add(proposal.id);
    // Only the push's own failure is a failed attempt; a database error below ends the round, and the claim,
    // still held, is released at the start of the next.
    const outcome = await pushProposal(proposal, settings).then(
      (pushed) => ({ pushed }),
      (error: unknown) => ({ error }),
    );
    if ('pushed' in outcome) {
      const { branch, mergeRequest } = outcome.pushed;
      await markPushed(db, proposal, outcome.pushed, repositoryUrl(settings));
      const how = mergeRequest === false ? ', without a merge request (the repository takes no push options)' : '';
      console.info(`proposals: ${proposal.id} for ${proposal.coop} pushed as ${branch}${how}`);
    } else if (outcome.error instanceof UnpushableProposal) {
      await markFailed(db, proposal, outcome.error.message);
      console.warn(
        `proposals: ${proposal.id} for ${proposal.coop} cannot be pushed: ${oneLine(outcome.error.message)}`,
      );
    } else {
      const why = redact(outcome.error instanceof Error ? outcome.error.message : String(outcome.error));
      await retryLater(db, proposal, why, settings.retryBaseSeconds);
      console.warn(`proposals: ${proposal.id} for ${proposal.coop} not pushed, will try again: ${oneLine(why)}`);
    }
    held.delete(proposal.id);
    settled += 1;
  }
  return settled;
}

/** How often the worker looks at what became of the proposals sent to the editors (lib/proposals/review.ts). */
export const reviewIntervalMs = 5 * 60_000;

/**
 * Runs in the server process (started by lib/runtime/startup.ts): pushes the proposals that are due every
 * `pollMs`, and at once when kickProposals() says one was stored. Queued proposals stay in the database, so a
 * restart picks them up again. Every `reviewIntervalMs` (and on its first round) it also looks at what became of
 * the proposals it sent (published in the site's own content, merged, or closed without it), and sends the month's
 * batch of "Still correct" confirmations once a month (lib/proposals/batch.ts).
 */
export function startProposalWorker({ settings, pollMs }: { settings: ProposalSettings; pollMs: number }): void {
  const held = new Set<string>();
  let reviewed = -Infinity;
  startWorker('proposals', pollMs, async (signal) => {
    try {
      const db = await getDb();
      await deliverProposals(db, settings, { signal, held });
      if (Date.now() - reviewed < reviewIntervalMs || signal.aborted) return;
      reviewed = Date.now();
      const { published, merged, notAccepted } = await reviewProposals(db, settings, deployedEntry);
      const said = [
        published.length && `${published.length} published`,
        merged.length && `${merged.length} merged`,
        notAccepted.length && `${notAccepted.length} not accepted`,
      ].filter(Boolean);
      if (said.length > 0) console.info(`proposals: ${said.join(', ')}`);
      // A co-op whose "left the network" is merged: its people are unlinked now.
      for (const coop of await completeDepartures(db))
        console.info(`proposals: ${coop} left the network, its people unlinked`);
      const batch = await pushConfirmationBatch(db, settings, deployedEntry);
      if (batch) console.info(`proposals: confirmations of ${batch.coops.length} co-ops pushed as ${batch.branch}`);
    } catch (error) {
      console.error('proposals:', oneLine(redact(error instanceof Error ? error.message : String(error))));
    }
  });
}

/**
 * Stops the worker for shutdown: it finishes the push it is making and starts no other (a proposal is claimed
 * only when its turn comes, so none is left claimed). Resolves once it has, or after `timeoutMs` if a git server
 * keeps it waiting: that proposal then stays claimed until its lease ends, and the next attempt finds its branch
 * if the push got through.
 */
export const stopProposalWorker = (timeoutMs = 5_000): Promise<void> => stopWorker('proposals', timeoutMs, 'pushing');

/** Ask the worker to push now rather than at its next poll: call it once a proposal is stored. */
export const kickProposals = (): void => wakeWorker('proposals');
