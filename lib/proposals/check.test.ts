import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGitServer, type GitServer } from '@/test/git-server';
import { branchName, type Proposal } from './change';
import { checkContentRepository } from './check';
import { pushProposal } from './push';
import { workerSettings } from '@/test/proposal-settings';

// Two content repositories served over HTTP by git's own server (git http-backend) with a deploy token: one that
// advertises push options, as GitLab does, and a plain one that does not, as a bare repository, Gitea without them
// or GitHub. The check at start says which is which; the worker opens merge requests on the first and pushes
// branches alone to the second, where it used to fail every proposal forever.
const token = 'check-token';
let withOptions: GitServer;
let withoutOptions: GitServer;
let scratch: string;

beforeAll(async () => {
  const credentials = { user: 'deploy', token };
  [withOptions, withoutOptions] = await Promise.all([
    startGitServer({ coops: ['autonomic'], credentials }),
    startGitServer({ coops: ['autonomic'], credentials, pushOptions: false }),
  ]);
  scratch = await mkdtemp(join(tmpdir(), 'cotech-check-'));
});
afterAll(async () => {
  await Promise.all([withOptions?.close(), withoutOptions?.close()]);
  await rm(scratch, { recursive: true, force: true });
});

const settingsFor = (address: string) => workerSettings(scratch, address);

const proposal = (): Proposal => ({
  id: crypto.randomUUID(),
  coop: 'autonomic',
  userId: null,
  authorName: 'Ada Lovelace',
  authorEmail: 'ada@example.coop',
  reason: 'New town.',
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
});

describe('the content repository, checked at start', () => {
  it('with push options: reachable, takes new branches, opens merge requests; pushes nothing', async () => {
    const check = await checkContentRepository(await settingsFor(withOptions.urlWithCredentials));
    expect(check).toEqual({
      reachable: true,
      writable: true,
      pushOptions: true,
      line:
        `proposals: the content repository ${withOptions.url} answers and takes new branches with push options: ` +
        'each proposal opens a merge request into main',
    });
    expect(check.line).not.toContain(token);
    expect(await withOptions.branches()).toEqual(['main']);
    expect(await withOptions.pushes()).toEqual([]);
  });

  it('without push options: says each proposal goes as a branch for an editor; pushes nothing', async () => {
    const check = await checkContentRepository(await settingsFor(withoutOptions.urlWithCredentials));
    expect(check).toEqual({
      reachable: true,
      writable: true,
      pushOptions: false,
      line:
        `proposals: the content repository ${withoutOptions.url} answers and takes new branches, but advertises no ` +
        'push options (receive.advertisePushOptions): each proposal is pushed as a branch, and an editor opens its ' +
        'merge request',
    });
    expect(await withoutOptions.branches()).toEqual(['main']);
  });

  it('that refuses pushes, or does not answer, says so in one line', async () => {
    await withOptions.git(['config', 'http.receivepack', 'false']);
    try {
      const refused = await checkContentRepository(await settingsFor(withOptions.urlWithCredentials));
      expect(refused).toMatchObject({ reachable: true, writable: false, pushOptions: false });
      expect(refused.line).toMatch(
        new RegExp(`^proposals: the content repository ${withOptions.url} answers but refuses a push of a new branch`),
      );
      expect(refused.line).not.toContain('\n');
    } finally {
      await withOptions.git(['config', 'http.receivepack', 'true']);
    }
    const wrongToken = withOptions.urlWithCredentials.replace(token, 'wrong');
    const unreachable = await checkContentRepository(await settingsFor(wrongToken));
    expect(unreachable).toMatchObject({ reachable: false, writable: false });
    expect(unreachable.line).toContain('the token in CONTENT_GIT_URL is missing, wrong or expired');
    expect(unreachable.line).not.toContain('wrong@');
  });
});

describe('pushing a proposal', () => {
  it('to a repository with push options opens its merge request', async () => {
    const sent = proposal();
    expect(await pushProposal(sent, await settingsFor(withOptions.urlWithCredentials))).toEqual({
      branch: branchName(sent),
      mergeRequest: true,
    });
    const [push] = await withOptions.pushes();
    expect(push?.options).toContain('merge_request.create');
  });

  it('to a repository without push options sends the branch alone, for an editor to open its merge request', async () => {
    const sent = proposal();
    expect(await pushProposal(sent, await settingsFor(withoutOptions.urlWithCredentials))).toEqual({
      branch: branchName(sent),
      mergeRequest: false,
    });
    expect(await withoutOptions.branches()).toContain(branchName(sent));
    const pushes = await withoutOptions.pushes();
    expect(pushes).toHaveLength(1);
    expect(pushes[0]?.options).toEqual([]);
  });
});
