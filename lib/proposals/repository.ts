import 'server-only';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { logoFolder } from '@/lib/content/schema';
import { proposalsFolder } from '@/lib/db/backup';
import type { DataDir } from '@/lib/settings';
import { git, remoteOf, type Remote } from './git';

/** Who commits for the site: the person who asked is each commit's author. */
export type Committer = { name: string; email: string };

export type RepositorySettings = {
  /** `CONTENT_GIT_URL`; without it, a bare repository under `workDir` stands in for the content repository. */
  address?: string;
  /** The branch the site is built from, which each merge request targets. */
  target: string;
  /** The worker's own directory (under the data directory): its working clone, and the stand-in repository. */
  workDir: string;
  /** What seeds the stand-in repository: the site's own content/ and logos, from this directory. */
  siteDir: string;
  committer: Committer;
  /** The longest any one git command may take. */
  timeoutMs: number;
};

/**
 * The worker's directory under the data directory; embedded PGlite in memory (tests) has none, so one of this
 * process's in the temporary directory.
 */
export function proposalsDir(dataDir: DataDir): string {
  if (dataDir.inMemory) return join(tmpdir(), `cotech-proposals-${process.pid}`);
  // Made on first use (contentRemote, workingClone): a site that never receives a proposal gets no directory.
  return join(dataDir.path, proposalsFolder);
}

/**
 * The remote proposals are pushed to. Without `CONTENT_GIT_URL` it is `content.git` in the worker's directory,
 * created on first use with one commit of the site's content/ and logos, so development pushes the same way
 * production does and its branches can be looked at with plain git.
 */
export async function contentRemote(settings: RepositorySettings): Promise<Remote> {
  if (settings.address) return remoteOf(settings.address);
  const bare = standInPath(settings);
  if (!existsSync(join(bare, 'HEAD'))) {
    await mkdir(settings.workDir, { recursive: true });
    await createStandIn(bare, settings);
  }
  return { url: pathToFileURL(bare).href };
}

const standInPath = (settings: RepositorySettings) => join(settings.workDir, 'content.git');

/**
 * Which repository proposals go to, without credentials: recorded with each proposal it takes, so that the review
 * only judges a proposal by the repository it was sent to (after a move to another repository, an earlier
 * proposal's branch is not missing there because an editor closed it).
 */
export const repositoryUrl = (settings: RepositorySettings): string =>
  settings.address ? remoteOf(settings.address).url : pathToFileURL(standInPath(settings)).href;

async function createStandIn(bare: string, settings: RepositorySettings) {
  const { timeoutMs, committer, target } = settings;
  const building = `${bare}.new`;
  await rm(building, { recursive: true, force: true });
  await git(['init', '--quiet', '--bare', `--initial-branch=${target}`, building], {
    cwd: settings.workDir,
    timeoutMs,
  });
  // GitLab takes push options; so does the stand-in, so pushes carry them here too.
  await git(['config', 'receive.advertisePushOptions', 'true'], { cwd: building, timeoutMs });
  // Read where the site runs, never traced into the server's output: the content ships with the site in any case.
  const folders = ['content', join('public', logoFolder)].filter((folder) =>
    existsSync(join(/*turbopackIgnore: true*/ settings.siteDir, folder)),
  );
  // Added straight from the site's directory through a temporary index: nothing is copied.
  const index = join(building, 'seed-index');
  const env = {
    GIT_DIR: building,
    GIT_WORK_TREE: settings.siteDir,
    GIT_INDEX_FILE: index,
    GIT_AUTHOR_NAME: committer.name,
    GIT_AUTHOR_EMAIL: committer.email,
    GIT_COMMITTER_NAME: committer.name,
    GIT_COMMITTER_EMAIL: committer.email,
  };
  if (folders.length) await git(['add', '--force', '--', ...folders], { cwd: settings.siteDir, env, timeoutMs });
  const tree = (await git(['write-tree'], { cwd: settings.siteDir, env, timeoutMs })).trim();
  const commit = (
    await git(['commit-tree', tree, '-m', "The site's content when proposals began"], {
      cwd: settings.siteDir,
      env,
      timeoutMs,
    })
  ).trim();
  await git(['update-ref', `refs/heads/${target}`, commit], { cwd: building, timeoutMs });
  await rm(index, { force: true });
  // Complete or absent: a start interrupted half-way begins again.
  await rm(bare, { recursive: true, force: true });
  await rename(building, bare);
}

/** The working clone: created once, then reused, its files reset for each proposal. */
export async function workingClone(settings: RepositorySettings): Promise<string> {
  const clone = join(settings.workDir, 'clone');
  if (!existsSync(join(clone, '.git', 'HEAD'))) {
    await rm(clone, { recursive: true, force: true });
    await mkdir(clone, { recursive: true });
    await git(['init', '--quiet'], { cwd: clone, timeoutMs: settings.timeoutMs });
  }
  return clone;
}
