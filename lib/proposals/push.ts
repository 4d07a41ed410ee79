import 'server-only';
import { constants } from 'node:fs';
import { lstat, mkdir, open, readFile } from 'node:fs/promises';
import { isAbsolute, join, posix } from 'node:path';
import {
  applyProposal,
  branchName,
  commitMessage,
  coopFile,
  identPart,
  logoOf,
  mergeRequestOptions,
  newEntryText,
  proposalTrailer,
  UnpushableProposal,
  type Proposal,
} from './change';
import { git, GitError, noPushOptions } from './git';
import { contentRemote, workingClone, type RepositorySettings } from './repository';

/** The remote's branches of these names and their commits, from `git ls-remote`'s lines. */
export function branchesListed(listed: string): Map<string, string> {
  const heads = new Map<string, string>();
  for (const line of listed.split('\n')) {
    const [commit, ref] = line.split('\t');
    if (commit && ref?.startsWith('refs/heads/')) heads.set(ref.slice('refs/heads/'.length), commit);
  }
  return heads;
}

/**
 * A pushed proposal's branch, and whether the push opened its merge request: true with push options (GitLab), false
 * when the repository advertises none and an editor opens it, null when an earlier attempt pushed it.
 */
export type Pushed = { branch: string; mergeRequest: boolean | null };

/**
 * Pushes one proposal as a branch of the content repository, with the push options that open its merge request,
 * and resolves to the branch and whether they did (Pushed). A repository that takes no push options (a plain one,
 * GitHub) gets the branch alone: the proposal is sent all the same, and an editor opens the merge request. Throws an UnpushableProposal when it never can be (its entry is gone), and
 * any other error (a GitError: the server is down, the token refused) when a later attempt may succeed.
 *
 * At most once: when the branch is already on the remote and its commit carries this proposal's id, an earlier
 * attempt pushed it and only its answer was lost, so nothing is pushed again (no second branch, no second merge
 * request).
 */
export async function pushProposal(proposal: Proposal, settings: RepositorySettings): Promise<Pushed> {
  const { timeoutMs, target } = settings;
  const file = coopFile(proposal);
  const remote = await contentRemote(settings);
  const cwd = await workingClone(settings);
  const run = (args: string[], env?: Record<string, string>) => git(args, { cwd, remote, env, timeoutMs });
  const branch = branchName(proposal);

  const heads = branchesListed(
    await run(['ls-remote', '--heads', remote.url, `refs/heads/${target}`, `refs/heads/${branch}`]),
  );
  if (!heads.has(target)) throw new Error(`the content repository has no branch ${target}`);
  const earlier = heads.get(branch);
  if (earlier) {
    await run(['fetch', '--quiet', '--no-tags', remote.url, `+refs/heads/${branch}:refs/proposals/${branch}`]);
    const message = await run(['log', '-1', '--format=%B', earlier]);
    if (message.includes(proposalTrailer(proposal))) return { branch, mergeRequest: null };
    throw new UnpushableProposal(`the content repository already has a branch ${branch}, not this proposal's`);
  }

  const logo = logoOf(proposal);
  await run(['fetch', '--quiet', '--no-tags', remote.url, `+refs/heads/${target}:refs/remotes/origin/${target}`]);
  // Detached: the clone keeps no branches of its own, and whatever an earlier attempt left is thrown away.
  await run(['checkout', '--quiet', '--force', '--detach', `refs/remotes/origin/${target}`]);
  await run(['clean', '-ffdxq']);

  const path = await regularFile(cwd, file, target);
  if (proposal.creates) {
    // A new co-op's entry: made, never written over one that is there (an editor added it, or another co-op has
    // the name).
    if (path) throw new UnpushableProposal(`${file} is already in ${target}: a co-op has that address`);
    const created = join(cwd, file);
    await mkdir(join(created, '..'), { recursive: true });
    await overwrite(created, newEntryText(proposal));
  } else {
    if (!path) throw new UnpushableProposal(`${file} is not in ${target} any more`);
    await overwrite(path, applyProposal(await readFile(path, 'utf8'), proposal));
  }
  const added = [file];
  if (logo) {
    const logoPath = (await regularFile(cwd, logo.file, target)) ?? join(cwd, logo.file);
    await mkdir(join(logoPath, '..'), { recursive: true });
    await overwrite(logoPath, logo.bytes);
    added.push(logo.file);
  }
  await run(['add', '--', ...added]);
  if ((await run(['status', '--porcelain'])).trim() === '') {
    throw new UnpushableProposal(`${file} already says what the proposal asks: there is nothing to change`);
  }
  await run(['commit', '--quiet', '--no-verify', '-m', commitMessage(proposal)], {
    GIT_AUTHOR_NAME: identPart(proposal.authorName),
    GIT_AUTHOR_EMAIL: identPart(proposal.authorEmail),
    GIT_AUTHOR_DATE: proposal.createdAt.toISOString(),
    GIT_COMMITTER_NAME: settings.committer.name,
    GIT_COMMITTER_EMAIL: settings.committer.email,
  });
  // Not forced: should the branch have appeared since (another attempt whose answer was lost), the push is
  // refused, and the next attempt finds it above.
  const push = (options: string[]) => run(['push', '--quiet', ...options, remote.url, `HEAD:refs/heads/${branch}`]);
  try {
    await push(mergeRequestOptions(proposal, target).flatMap((option) => ['-o', option]));
    return { branch, mergeRequest: true };
  } catch (error) {
    // git refuses before it sends anything, so the same push without them is the first.
    if (!(error instanceof GitError && noPushOptions.test(error.message))) throw error;
    await push([]);
    return { branch, mergeRequest: false };
  }
}

/**
 * Where `file` (a path inside the checkout, with / between its parts) is, when it is a regular file there, or
 * undefined when nothing is there yet. The content repository is written by others: a symbolic link committed in it
 * (the file, or any folder on its way) would have the worker read a file of the server's into a commit, or write
 * one, so the worker reads and writes nothing but regular files in folders of the checkout itself. Anything else
 * is an UnpushableProposal naming the part that is not.
 */
export async function regularFile(cwd: string, file: string, branch: string): Promise<string | undefined> {
  const parts = file.split('/');
  if (isAbsolute(file) || posix.normalize(file) !== file || parts.some((part) => part === '..' || part === '.')) {
    throw new UnpushableProposal(`${file} is not a plain path inside the content repository`);
  }
  for (const index of parts.keys()) {
    const here = parts.slice(0, index + 1).join('/');
    const found = await lstat(join(cwd, here)).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
    if (!found) return undefined;
    const last = index === parts.length - 1;
    if (found.isSymbolicLink()) {
      throw new UnpushableProposal(
        `${here} is a symbolic link in ${branch}, not a ${last ? 'file' : 'folder'}: the site writes only to regular files of the content repository`,
      );
    }
    if (last ? !found.isFile() : !found.isDirectory()) {
      throw new UnpushableProposal(`${here} in ${branch} is not a ${last ? 'regular file' : 'folder'}`);
    }
  }
  return join(cwd, file);
}

/** Writes a file checked by regularFile, refusing at the last moment too to follow a link put there since. */
export async function overwrite(path: string, data: string | Buffer): Promise<void> {
  const handle = await open(path, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW);
  try {
    await handle.writeFile(data);
  } finally {
    await handle.close();
  }
}
