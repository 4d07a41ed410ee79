import 'server-only';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { readEntry } from '@/lib/cms/front-matter';
import { descriptionField, logoFolder } from '@/lib/content/schema';
import type { Database } from '@/lib/db';
import { proposals } from '@/lib/db/schema';
import { coopFile, type Proposal } from './change';
import { git, GitError } from './git';
import { branchesListed } from './push';
import { contentRemote, repositoryUrl, workingClone, type RepositorySettings } from './repository';

/** An entry's fields as the site reads them, its description (the file's body) among them. */
export type EntryRecord = Readonly<Record<string, unknown>>;

const blank = (value: unknown) =>
  value === null || value === undefined || value === '' || value === false || (Array.isArray(value) && !value.length);

/** Whether two values of a field say the same: lists in any order, text without its outer spaces, none as blank. */
function same(asked: unknown, found: unknown): boolean {
  if (blank(asked)) return blank(found);
  if (Array.isArray(asked)) {
    return Array.isArray(found) && asked.length === found.length && asked.every((item) => found.includes(item));
  }
  if (typeof asked === 'number') return Number(found) === asked;
  if (typeof asked === 'string') return typeof found === 'string' && found.trim() === asked.trim();
  return asked === found;
}

/**
 * Whether an entry says what a proposal asked: every field it changed (its logo's path too) has the proposed value.
 * The `confirmed:` date is left out, since a later confirmation moves it on, unless it is all the proposal asked:
 * then a date as late or later says it.
 */
export function saysWhatItAsks(entry: EntryRecord, proposal: Pick<Proposal, 'changes' | 'logoName'>): boolean {
  const { confirmed, ...asked } = proposal.changes;
  if (proposal.logoName) asked.logo = `${logoFolder}/${proposal.logoName}`;
  if (Object.keys(asked).length === 0) {
    const on = typeof entry.confirmed === 'string' ? entry.confirmed.slice(0, 10) : '';
    return typeof confirmed === 'string' && on >= confirmed;
  }
  return Object.entries(asked).every(([field, value]) => same(value, entry[field]));
}

/** A co-op's file as an entry record: its front matter, and its body as the description. */
export function fileRecord(text: string): EntryRecord {
  const { body, ...fields } = readEntry(text);
  return { ...fields, [descriptionField.name]: typeof body === 'string' ? body.trim() : '' };
}

export type Reviewed = { published: string[]; merged: string[]; notAccepted: string[] };

/**
 * Follows the proposals that were sent to the editors, so their people see what became of each:
 *
 * - `published` once the content the site is built from (`deployed`, the running site's own directory) says what it
 *   asked: detected by the site itself, whoever merged it and however;
 * - merged (`mergedAt`) once the target branch of the content repository says it, before the site is rebuilt;
 * - `not-accepted` once its branch is gone from the repository and the target branch does not say it: the editors
 *   closed it (GitLab deletes a merged branch, and an editor deletes a refused one). Only the repository it was
 *   sent to can say so.
 *
 * The repository is asked only when some proposal is still open, with one `ls-remote` and, when a branch is gone,
 * one fetch of the target branch.
 */
export async function reviewProposals(
  db: Database,
  settings: RepositorySettings,
  deployed: (coop: string) => EntryRecord | undefined,
): Promise<Reviewed> {
  const reviewed: Reviewed = { published: [], merged: [], notAccepted: [] };
  const sent = await db.select().from(proposals).where(eq(proposals.status, 'pushed'));
  const open: Proposal[] = [];
  const here = repositoryUrl(settings);
  for (const proposal of sent) {
    const entry = deployed(proposal.coop);
    if (entry && saysWhatItAsks(entry, proposal)) reviewed.published.push(proposal.id);
    // A proposal sent to another repository (before CONTENT_GIT_URL changed) is not judged by this one's branches:
    // it stays sent until the site's content says it. One pushed before the repository was recorded is this one's.
    else if (!proposal.mergedAt && proposal.branch && (proposal.pushedTo ?? here) === here) open.push(proposal);
  }
  if (reviewed.published.length > 0) {
    await db
      .update(proposals)
      .set({ status: 'published', publishedAt: sql`now()` })
      .where(and(inArray(proposals.id, reviewed.published), eq(proposals.status, 'pushed')));
  }
  if (open.length === 0) return reviewed;

  const { timeoutMs, target } = settings;
  const remote = await contentRemote(settings);
  const cwd = await workingClone(settings);
  const run = (args: string[]) => git(args, { cwd, remote, timeoutMs });
  const heads = branchesListed(await run(['ls-remote', '--heads', remote.url, 'refs/heads/proposal/*']));
  const gone = open.filter((proposal) => proposal.branch && !heads.has(proposal.branch));
  if (gone.length === 0) return reviewed;
  await run(['fetch', '--quiet', '--no-tags', remote.url, `+refs/heads/${target}:refs/remotes/origin/${target}`]);
  for (const proposal of gone) {
    const text = await run(['show', `refs/remotes/origin/${target}:${coopFile(proposal)}`]).catch((error: unknown) => {
      // The file is gone from the target branch: whatever the proposal asked is not there.
      if (error instanceof GitError) return undefined;
      throw error;
    });
    const merged = text !== undefined && saysWhatItAsks(fileRecord(text), proposal);
    (merged ? reviewed.merged : reviewed.notAccepted).push(proposal.id);
    await db
      .update(proposals)
      .set(merged ? { mergedAt: sql`now()` } : { status: 'not-accepted', closedAt: sql`now()` })
      .where(and(eq(proposals.id, proposal.id), eq(proposals.status, 'pushed'), isNull(proposals.mergedAt)));
  }
  return reviewed;
}
