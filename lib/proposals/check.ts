import 'server-only';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { oneLine } from '@/lib/format';
import { git, GitError, noPushOptions, redact } from './git';
import { contentRemote, type RepositorySettings } from './repository';

/** What the content repository was found to take, once, at start. */
export type RepositoryCheck = {
  reachable: boolean;
  /** Whether it takes a push of a new branch (asked with a dry run: nothing is sent). */
  writable: boolean;
  /** Whether it advertises push options, which GitLab reads to open a merge request. */
  pushOptions: boolean;
  /** The one line for the log. */
  line: string;
};

/** A branch name no proposal has (theirs are proposal/SLUG-ID); a dry run never makes it. */
const probeBranch = 'refs/heads/proposal/check';

/**
 * Asks the content repository in `CONTENT_GIT_URL`, once, what it takes: whether it answers and has the target
 * branch (`git ls-remote`), and whether it would take a new branch with push options, and without them. The second
 * is `git push --dry-run` of a commit of its own: git reads the repository's receive-pack advertisement (which
 * needs write access on GitLab, and lists `push-options` when the repository takes them) and refuses options the
 * repository does not advertise before it sends anything; a dry run sends nothing in any case.
 */
export async function checkContentRepository(settings: RepositorySettings): Promise<RepositoryCheck> {
  const { timeoutMs, target, committer } = settings;
  const remote = await contentRemote(settings);
  const where = `the content repository ${remote.url}`;
  const said = (error: unknown) => oneLine(redact(error instanceof Error ? error.message : String(error)));
  const probe = join(settings.workDir, 'probe');
  const run = (args: string[], input?: string) =>
    git(args, {
      cwd: probe,
      remote,
      input,
      timeoutMs,
      env: {
        GIT_AUTHOR_NAME: committer.name,
        GIT_AUTHOR_EMAIL: committer.email,
        GIT_COMMITTER_NAME: committer.name,
        GIT_COMMITTER_EMAIL: committer.email,
      },
    });
  if (!existsSync(join(probe, '.git', 'HEAD'))) {
    await mkdir(probe, { recursive: true });
    await run(['init', '--quiet']);
  }

  let listed: string;
  try {
    listed = await run(['ls-remote', '--heads', remote.url, `refs/heads/${target}`]);
  } catch (error) {
    const line = `proposals: ${where} cannot be reached, so proposals wait in the database: ${said(error)}`;
    return { reachable: false, writable: false, pushOptions: false, line };
  }
  const hasTarget = listed.includes(`\trefs/heads/${target}`);

  const tree = (await run(['mktree'], '')).trim();
  const commit = (await run(['commit-tree', tree, '-m', 'A dry run: never pushed'])).trim();
  const dryRun = (options: string[]) =>
    run(['push', '--dry-run', '--quiet', ...options, remote.url, `${commit}:${probeBranch}`]);
  let pushOptions = true;
  let refused: unknown;
  try {
    await dryRun(['-o', 'merge_request.create']);
  } catch (error) {
    pushOptions = false;
    refused = error;
    if (error instanceof GitError && noPushOptions.test(error.message)) {
      refused = await dryRun([]).then(
        () => undefined,
        (again: unknown) => again,
      );
    }
  }
  const writable = refused === undefined;
  const branch = hasTarget ? '' : `; it has no branch ${target}, so every proposal waits until it has`;
  const line = !writable
    ? `proposals: ${where} answers but refuses a push of a new branch, so proposals wait in the database: ${said(refused)}${branch}`
    : pushOptions
      ? `proposals: ${where} answers and takes new branches with push options: each proposal opens a merge request into ${target}${branch}`
      : `proposals: ${where} answers and takes new branches, but advertises no push options (receive.advertisePushOptions): each proposal is pushed as a branch, and an editor opens its merge request${branch}`;
  return { reachable: true, writable, pushOptions, line };
}
