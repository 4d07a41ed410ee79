import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGitServer, type GitServer } from '@/test/git-server';
import { branchName, UnpushableProposal, type Proposal } from './change';
import { pushProposal, regularFile } from './push';
import type { RepositorySettings } from './repository';

// A content repository whose files are symbolic links to places outside it, as anyone with push rights could commit:
// the worker must neither read through them into a commit nor write through them onto the server's disk.
const entry = '---\nname: Linked Co-op\nmember: true\n---\nOutside the repository.\n';
const logo = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 2"><rect width="4" height="2"/></svg>\n';
let outside: string;
let server: GitServer;
let clones = 0;

beforeAll(async () => {
  outside = await mkdtemp(join(tmpdir(), 'cotech-outside-'));
  await writeFile(join(outside, 'entry.md'), entry);
  await mkdir(join(outside, 'logos'));
  server = await startGitServer({
    coops: ['autonomic'],
    links: { 'content/coops/linked.md': join(outside, 'entry.md'), 'public/images/coops': join(outside, 'logos') },
  });
});
afterAll(async () => {
  await server?.close();
  await rm(outside, { recursive: true, force: true });
});

async function settings(): Promise<RepositorySettings> {
  clones += 1;
  const workDir = join(outside, `worker-${clones}`);
  await mkdir(workDir);
  return {
    address: server.fileUrl,
    target: 'main',
    workDir,
    siteDir: process.cwd(),
    committer: { name: 'CoTech site', email: 'site@coops.example' },
    timeoutMs: 20_000,
  };
}

const proposal = (values: Partial<Proposal>): Proposal => ({
  id: crypto.randomUUID(),
  coop: 'autonomic',
  userId: null,
  authorName: 'Ada Lovelace',
  authorEmail: 'ada@example.coop',
  reason: '',
  changes: { town: 'Elsewhere' },
  logoName: null,
  logoData: null,
  status: 'queued',
  branch: null,
  mergeRequest: null,
  pushedTo: null,
  creates: false,
  attempts: 0,
  nextAttemptAt: new Date(),
  lockedUntil: null,
  lastError: null,
  createdAt: new Date(),
  pushedAt: null,
  mergedAt: null,
  publishedAt: null,
  closedAt: null,
  ...values,
});

async function refusal(attempt: Promise<unknown>): Promise<string> {
  const error = await attempt.then(
    () => undefined,
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(UnpushableProposal);
  return (error as Error).message;
}

describe('pushing into a repository with symbolic links', () => {
  it('refuses an entry that is a link, reading nothing through it and writing nothing', async () => {
    const linked = proposal({ coop: 'linked' });
    expect(await refusal(pushProposal(linked, await settings()))).toBe(
      'content/coops/linked.md is a symbolic link in main, not a file: the site writes only to regular files of ' +
        'the content repository',
    );
    expect(await readFile(join(outside, 'entry.md'), 'utf8')).toBe(entry);
    expect(await server.branches()).toEqual(['main']);
  });

  it('refuses a logo whose folder is a link, writing nothing there', async () => {
    const withLogo = proposal({ logoName: 'autonomic.svg', logoData: Buffer.from(logo).toString('base64') });
    expect(await refusal(pushProposal(withLogo, await settings()))).toBe(
      'public/images/coops is a symbolic link in main, not a folder: the site writes only to regular files of ' +
        'the content repository',
    );
    expect(await readdir(join(outside, 'logos'))).toEqual([]);
    expect(await server.branches()).toEqual(['main']);
  });

  it('still pushes a regular entry of the same repository', async () => {
    const plain = proposal({});
    expect(await pushProposal(plain, await settings())).toEqual({ branch: branchName(plain), mergeRequest: true });
    expect(await server.branches()).toContain(branchName(plain));
  });

  it.each(['content/../../etc/passwd', '/etc/passwd', 'content/./coops/x.md', 'content//coops/x.md'])(
    'refuses the path %s, which is not a plain path inside the checkout',
    async (file) => {
      expect(await refusal(regularFile(outside, file, 'main'))).toBe(
        `${file} is not a plain path inside the content repository`,
      );
    },
  );
});
