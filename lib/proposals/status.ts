import { site } from '@/lib/site';
import type { Proposal } from './change';

/** Who reads a proposal's state: a co-op's people (the account area), or the network's members (/admin). */
export type StateReader = 'contact' | 'admin';

/** A proposal's state in plain words, what happens next, and where to see it when there is a page for it. */
export type ProposalStatus = { words: string; next: string; link?: { href: string; text: string } };

/**
 * The content repository's project page, from `CONTENT_GIT_URL` without its credentials and `.git`: where its merge
 * requests are. Undefined for a repository with no web page (the stand-in, a file:// or ssh address).
 */
export function projectUrl(address: string | undefined): string | undefined {
  if (!address) return undefined;
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  url.username = '';
  url.password = '';
  url.search = '';
  url.hash = '';
  url.pathname = url.pathname.replace(/\/$/, '').replace(/\.git$/, '');
  return url.toString();
}

/** GitLab's list of the merge requests from one branch: the one a proposal's push opened. */
export const mergeRequestUrl = (project: string, branch: string) =>
  `${project}/-/merge_requests?scope=all&state=all&source_branch=${encodeURIComponent(branch)}`;

type Shown = Pick<Proposal, 'status' | 'branch' | 'mergeRequest' | 'lastError' | 'mergedAt'>;

/**
 * What became of a proposal, in plain words, with what happens next: waiting to be sent, sent to the editors (with
 * a link to its merge request on GitLab when `project` is known), accepted, published, not accepted, or could not be
 * sent. `published` says the site's own content already has it (lib/proposals/review.ts), before the worker has
 * recorded so. A co-op's people get plain words and what to do; the network's members also git's own reason when a
 * push failed, which is theirs to act on.
 */
export function proposalStatus(
  proposal: Shown,
  reader: StateReader,
  { published = false, project }: { published?: boolean; project?: string } = {},
): ProposalStatus {
  const branch = proposal.branch ?? '(unnamed)';
  if (proposal.status === 'published' || (proposal.status === 'pushed' && published)) {
    return { words: 'Published', next: 'The change is on the site.' };
  }
  switch (proposal.status) {
    case 'not-accepted':
      return {
        words: 'Not accepted',
        next: `The editors closed it without publishing it. Ask them why at ${site.email}, or send the change again with a note saying why it is needed.`,
      };
    case 'failed':
      return {
        words:
          reader === 'admin' ? `Could not be sent: ${proposal.lastError ?? 'no reason recorded'}` : 'Could not be sent',
        next:
          reader === 'admin'
            ? 'It will not be tried again. The co-op’s people were told to send it again or write to the network.'
            : `The entry has changed since, so this change cannot be made to it as it is. Open the form, which shows the entry as it is now, and send your change again; or write to ${site.email}.`,
      };
    case 'queued':
      return {
        words: 'Waiting to be sent',
        next: !proposal.lastError
          ? 'It goes to the editors within a minute: nothing for you to do.'
          : reader === 'admin'
            ? `The content repository did not take it yet; it is tried again by itself. Last try: ${proposal.lastError}`
            : 'The content repository did not take it yet; the site tries again by itself: nothing for you to do.',
      };
    case 'pushed':
      if (proposal.mergedAt) {
        return { words: 'Accepted', next: 'An editor merged it: it is on the site once the site is next updated.' };
      }
      if (proposal.mergeRequest === false) {
        return {
          words: `Sent as branch ${branch}: an editor opens the merge request`,
          next: 'An editor reviews it, then publishes it or says why not.',
        };
      }
      return {
        words: 'Sent to the editors',
        next: 'An editor reviews the merge request, then publishes it or says why not.',
        ...(project &&
          proposal.branch && {
            link: { href: mergeRequestUrl(project, proposal.branch), text: 'See the merge request' },
          }),
      };
  }
}
