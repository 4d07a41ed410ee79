import 'server-only';
import { readFile } from 'node:fs/promises';
import { and, inArray, isNull, lt, sql } from 'drizzle-orm';
import { readEntry, sourceKey, writeEntry } from '@/lib/cms/front-matter';
import { dayOf } from '@/lib/coops/confirmations';
import type { Database } from '@/lib/db';
import { coopConfirmations } from '@/lib/db/schema';
import { coopFile } from './change';
import { git, GitError, noPushOptions } from './git';
import { branchesListed, overwrite, regularFile } from './push';
import { markdownText, withoutReferences } from './quote';
import { contentRemote, workingClone, type RepositorySettings } from './repository';
import type { EntryRecord } from './review';

/** The first moment of the month `now` is in (UTC): the batch takes the confirmations made before it. */
export const monthStart = (now: Date) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));

/** The branch of the month's batch, named for the month its confirmations were made in: one a month, ever. */
export function batchBranch(now: Date): string {
  const before = new Date(monthStart(now).getTime() - 1);
  return `confirmations/${before.toISOString().slice(0, 7)}`;
}

export type Batched = { branch: string; coops: string[]; mergeRequest: boolean } | undefined;

/**
 * "Still correct" reaches the entries once a month, for every co-op at once: the confirmations the site recorded
 * before this month that no proposal carried (lib/coops/confirmations.ts) go out as one branch, each co-op's
 * `confirmed:` line set to its latest, with one merge request for an editor: never one per co-op. A co-op whose
 * deployed entry already says as much, or whose file is gone, is left out. At most one batch a month: its branch
 * is named for the month, and a branch of that name on the repository means it was sent. The confirmations it
 * carries are marked sent once the push is through. Resolves to what was pushed, or undefined when nothing was.
 */
export async function pushConfirmationBatch(
  db: Database,
  settings: RepositorySettings,
  deployed: (coop: string) => EntryRecord | undefined,
  now = new Date(),
): Promise<Batched> {
  const due = await db
    .select()
    .from(coopConfirmations)
    .where(and(isNull(coopConfirmations.sentAt), lt(coopConfirmations.at, monthStart(now))))
    .orderBy(coopConfirmations.at);
  if (due.length === 0) return undefined;
  const latest = new Map(due.map((confirmation) => [confirmation.coop, confirmation]));
  const needed = [...latest.values()]
    .sort((a, b) => a.coop.localeCompare(b.coop))
    .filter((confirmation) => {
      const confirmed = deployed(confirmation.coop)?.confirmed;
      return !(typeof confirmed === 'string' && confirmed.slice(0, 10) >= dayOf(confirmation.at));
    });
  const markSent = (ids: number[]) =>
    ids.length
      ? db
          .update(coopConfirmations)
          .set({ sentAt: sql`now()` })
          .where(inArray(coopConfirmations.id, ids))
      : undefined;

  const { timeoutMs, target } = settings;
  const remote = await contentRemote(settings);
  const cwd = await workingClone(settings);
  const run = (args: string[], env?: Record<string, string>) => git(args, { cwd, remote, env, timeoutMs });
  const branch = batchBranch(now);
  const heads = branchesListed(
    await run(['ls-remote', '--heads', remote.url, `refs/heads/${target}`, `refs/heads/${branch}`]),
  );
  if (!heads.has(target)) throw new Error(`the content repository has no branch ${target}`);
  if (heads.has(branch) || needed.length === 0) {
    // Sent before (an answer lost), or nothing left to send: what was due is done either way.
    await markSent(due.map(({ id }) => id));
    return undefined;
  }

  await run(['fetch', '--quiet', '--no-tags', remote.url, `+refs/heads/${target}:refs/remotes/origin/${target}`]);
  await run(['checkout', '--quiet', '--force', '--detach', `refs/remotes/origin/${target}`]);
  await run(['clean', '-ffdxq']);
  const changed: typeof needed = [];
  for (const confirmation of needed) {
    const file = coopFile(confirmation);
    const path = await regularFile(cwd, file, target);
    if (!path) continue;
    const text = await readFile(path, 'utf8');
    await overwrite(path, writeEntry({ ...readEntry(text), confirmed: dayOf(confirmation.at), [sourceKey]: text }));
    await run(['add', '--', file]);
    changed.push(confirmation);
  }
  if ((await run(['status', '--porcelain'])).trim() === '') {
    await markSent(due.map(({ id }) => id));
    return undefined;
  }
  const month = branch.slice('confirmations/'.length);
  const title = `Confirmations of ${changed.length} co-op entries (${month})`;
  // Only the names are typed by people: quoted as the proposals quote them (lib/proposals/quote.ts).
  const lines = (quote: (text: string) => string) =>
    changed.map(({ coop, name, at }) => `${coop}: still correct, said ${quote(name)} on ${dayOf(at)}`);
  const message = `${title}\n\nEach co-op's people said its entry is still correct; only the confirmed: line changes.\n\n${lines(withoutReferences).join('\n')}\n`;
  await run(['commit', '--quiet', '--no-verify', '-m', message], {
    GIT_AUTHOR_NAME: settings.committer.name,
    GIT_AUTHOR_EMAIL: settings.committer.email,
    GIT_COMMITTER_NAME: settings.committer.name,
    GIT_COMMITTER_EMAIL: settings.committer.email,
  });
  const push = (options: string[]) => run(['push', '--quiet', ...options, remote.url, `HEAD:refs/heads/${branch}`]);
  const options = [
    'merge_request.create',
    `merge_request.target=${target}`,
    `merge_request.title=${title}`,
    `merge_request.description=${['Only the confirmed: lines change.', ...lines(markdownText)].join('<br>')}`.slice(
      0,
      8_000,
    ),
  ];
  let mergeRequest = true;
  try {
    await push(options.flatMap((option) => ['-o', option]));
  } catch (error) {
    if (!(error instanceof GitError && noPushOptions.test(error.message))) throw error;
    await push([]);
    mergeRequest = false;
  }
  await markSent(due.map(({ id }) => id));
  return { branch, coops: changed.map(({ coop }) => coop), mergeRequest };
}
