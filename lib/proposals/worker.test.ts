import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { closeDb, getDb } from '@/lib/db';
import { readEntry } from '@/lib/cms/front-matter';
import { proposals } from '@/lib/db/schema';
import { startGitServer, type GitServer } from '@/test/git-server';
import { branchName } from './change';
import { markdownText } from './quote';
import { proposalStatus } from './status';
import { deliverProposals, kickProposals, startProposalWorker, stopProposalWorker } from './worker';
import { workerSettings } from '@/test/proposal-settings';

const token = 's3cret-deploy-token';
const logo =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 20"><rect width="40" height="20" fill="#0a0"/></svg>\n';
// A file as an editor may keep it: comments, and a field the site does not know.
const commented = `---
# Kept by hand: ask Bea before changing the position.
name: Commented Co-op
member: true
website: https://commented.example/ # the old address
founded: 2011 # not a field the site reads
services:
  - development
---
A co-op whose file has comments.
`;

// The co-op's services with one replaced: a list changes only in the line that changed.
const services = (readEntry(readFileSync('content/coops/autonomic.md', 'utf8')).services as string[]).map((slug) =>
  slug === 'consultancy' ? 'hosting' : slug,
);

let server: GitServer;
let scratch: string;

beforeAll(async () => {
  await closeDb();
  server = await startGitServer({
    coops: ['autonomic'],
    files: { 'content/coops/commented.md': commented },
    credentials: { user: 'deploy', token },
  });
  scratch = await mkdtemp(join(tmpdir(), 'cotech-proposals-test-'));
});
afterAll(async () => {
  await stopProposalWorker();
  await server?.close();
  await rm(scratch, { recursive: true, force: true });
  await closeDb();
});
beforeEach(async () => {
  const db = await getDb();
  await db.execute(sql`truncate proposals cascade`);
});

/** A worker's settings: each its own working clone, as each instance has its own data directory. */
const settingsFor = (address: string | undefined) => workerSettings(scratch, address);

async function propose(values: Partial<typeof proposals.$inferInsert> = {}) {
  const db = await getDb();
  const [row] = await db
    .insert(proposals)
    .values({
      coop: 'autonomic',
      authorName: 'Ada Lovelace',
      authorEmail: 'ada@example.coop',
      reason: 'We moved to a new address\nand do hosting now.',
      changes: { website: 'https://autonomic.example/', services },
      logoName: 'autonomic.svg',
      logoData: Buffer.from(logo).toString('base64'),
      ...values,
    })
    .returning();
  if (!row) throw new Error('not stored');
  return row;
}

async function row(id: string) {
  const db = await getDb();
  const [found] = await db.select().from(proposals).where(eq(proposals.id, id));
  if (!found) throw new Error(`no proposal ${id}`);
  return found;
}

/** The lines a branch adds and removes against main in one file, without the diff's headers. */
async function changedLines(branch: string, file: string): Promise<string[]> {
  const diff = await server.git(['diff', '--unified=0', 'main', branch, '--', file]);
  return diff.split('\n').filter((line) => /^[-+](?![-+]{2} )/.test(line));
}

async function pushesOf(branch: string) {
  return (await server.pushes()).filter((push) => push.refs.some((ref) => ref.ref === `refs/heads/${branch}`));
}

describe('the proposals worker', () => {
  it.each([
    ['file://', () => server.fileUrl],
    ['HTTP with a deploy token', () => server.urlWithCredentials],
  ])(
    'pushes a proposal over %s as a branch with only its changes, authored by the person, opening a merge request',
    async (_, address) => {
      const db = await getDb();
      const proposal = await propose();
      expect(await deliverProposals(db, await settingsFor(address()))).toBe(1);

      const branch = branchName(proposal);
      expect(branch).toBe(`proposal/autonomic-${proposal.id.slice(0, 8)}`);
      const stored = await row(proposal.id);
      expect(stored).toMatchObject({
        status: 'pushed',
        branch,
        mergeRequest: true,
        attempts: 1,
        lastError: null,
        logoData: null,
      });
      expect(stored.pushedAt).toBeInstanceOf(Date);
      expect(await server.branches()).toContain(branch);

      expect((await server.git(['diff', '--name-only', 'main', branch])).trim().split('\n')).toEqual([
        'content/coops/autonomic.md',
        'public/images/coops/autonomic.svg',
      ]);
      expect(await changedLines(branch, 'content/coops/autonomic.md')).toEqual([
        '-website: https://autonomic.zone/',
        '+website: https://autonomic.example/',
        '-  - consultancy',
        '+  - hosting',
        '+logo: /images/coops/autonomic.svg',
      ]);
      expect(await server.git(['show', `${branch}:public/images/coops/autonomic.svg`])).toBe(logo);
      expect((await server.git(['log', '-1', '--format=%an <%ae>|%cn <%ce>', branch])).trim()).toBe(
        'Ada Lovelace <ada@example.coop>|CoTech site <site@coops.example>',
      );
      expect((await server.git(['rev-parse', `${branch}^`])).trim()).toBe(
        (await server.git(['rev-parse', 'main'])).trim(),
      );

      const [push, ...more] = await pushesOf(branch);
      expect(more).toEqual([]);
      expect(push?.options).toContain('merge_request.create');
      expect(push?.options).toContain('merge_request.target=main');
      const title = push?.options.find((option) => option.startsWith('merge_request.title='));
      expect(title).toBe('merge_request.title=Update autonomic: proposed by Ada Lovelace');
      const description = push?.options.find((option) => option.startsWith('merge_request.description=')) ?? '';
      // In Markdown that shows the words as written (lib/proposals/quote.ts).
      expect(description).toContain(markdownText('Ada Lovelace <ada@example.coop>'));
      expect(description).toContain(`Why: ${markdownText('We moved to a new address and do hosting now.')}`);
      expect(description).toContain(markdownText('website: https://autonomic.example/'));
      expect(description).toContain(markdownText(`services: ${services.join(', ')}`));
    },
  );

  it('pushes to a repository without push options as a branch alone, recorded as for an editor to open', async () => {
    const plain = await startGitServer({ coops: ['autonomic'], pushOptions: false });
    try {
      const db = await getDb();
      const proposal = await propose({ logoName: null, logoData: null });
      expect(await deliverProposals(db, await settingsFor(plain.url))).toBe(1);
      const stored = await row(proposal.id);
      expect(stored).toMatchObject({ status: 'pushed', branch: branchName(proposal), mergeRequest: false });
      expect(proposalStatus(stored, 'contact').words).toBe(
        `Sent as branch ${branchName(proposal)}: an editor opens the merge request`,
      );
      expect((await plain.pushes()).map((push) => push.options)).toEqual([[]]);
    } finally {
      await plain.close();
    }
  });

  it('pushes two co-ops’ proposals sent at the same moment in one round, neither left waiting for a lease', async () => {
    const db = await getDb();
    const first = await propose({ logoName: null, logoData: null });
    const second = await propose({ coop: 'commented', changes: { town: 'Leeds' }, logoName: null, logoData: null });
    expect(await deliverProposals(db, await settingsFor(server.fileUrl))).toBe(2);
    for (const proposal of [first, second]) {
      expect(await row(proposal.id)).toMatchObject({ status: 'pushed', branch: branchName(proposal) });
    }
  });

  it('pushes a proposal for principle_six, whose file name has an underscore', async () => {
    const db = await getDb();
    const settings = await settingsFor(undefined);
    const proposal = await propose({
      coop: 'principle_six',
      changes: { town: 'Oxford' },
      logoName: null,
      logoData: null,
    });
    expect(await deliverProposals(db, settings)).toBe(1);
    expect(await row(proposal.id)).toMatchObject({ status: 'pushed', branch: branchName(proposal), lastError: null });
  });

  it('keeps a proposal queued while the server is down, then pushes it once when it is back', async () => {
    const db = await getDb();
    const settings = await settingsFor(server.urlWithCredentials);
    const proposal = await propose();
    const branch = branchName(proposal);
    await server.stop();
    try {
      const before = Date.now();
      expect(await deliverProposals(db, settings)).toBe(1);
      const waiting = await row(proposal.id);
      expect(waiting).toMatchObject({ status: 'queued', attempts: 1, branch: null, lockedUntil: null });
      expect(waiting.lastError).toMatch(/^git ls-remote: .*127\.0\.0\.1/);
      expect(waiting.lastError).not.toContain(token);
      expect(waiting.nextAttemptAt.getTime()).toBeGreaterThan(before + 25_000);
    } finally {
      await server.start();
    }
    // Not due yet: the server being back does not make the worker try before the backoff ends.
    expect(await deliverProposals(db, settings)).toBe(0);
    await db
      .update(proposals)
      .set({ nextAttemptAt: sql`now()` })
      .where(eq(proposals.id, proposal.id));
    expect(await deliverProposals(db, settings)).toBe(1);
    expect(await row(proposal.id)).toMatchObject({ status: 'pushed', branch, attempts: 2, lastError: null });
    expect(await deliverProposals(db, settings)).toBe(0);
    expect((await server.branches()).filter((name) => name === branch)).toHaveLength(1);
    expect(await pushesOf(branch)).toHaveLength(1);
  });

  it("logs a push git refused in several lines as one line, and keeps git's words whole for the admins", async () => {
    // git says why in several lines here ("does not appear to be a git repository", "Could not read from remote
    // repository", "Please make sure…"); in the log each would stand alone, a line the life suite (e2e/life/)
    // read as an error of its own.
    const db = await getDb();
    const proposal = await propose();
    const warned: string[] = [];
    const warn = vi.spyOn(console, 'warn').mockImplementation((line: string) => void warned.push(line));
    try {
      expect(await deliverProposals(db, await settingsFor(`file://${join(scratch, 'no-such-repository')}`))).toBe(1);
    } finally {
      warn.mockRestore();
    }
    expect((await row(proposal.id)).lastError).toMatch(/does not appear to be a git repository\n/);
    expect(warned).toHaveLength(1);
    expect(warned[0]).toMatch(/^proposals: \S+ for autonomic not pushed, will try again: git \S+: .*repository/);
    expect(warned[0]).not.toContain('\n');
  });

  it('keeps a proposal queued when the token is refused, without the token in its error', async () => {
    const db = await getDb();
    const proposal = await propose();
    const refused = server.urlWithCredentials.replace(token, 'wrong-token');
    expect(await deliverProposals(db, await settingsFor(refused))).toBe(1);
    const waiting = await row(proposal.id);
    expect(waiting).toMatchObject({ status: 'queued', attempts: 1, branch: null });
    expect(waiting.lastError).toMatch(/the token in CONTENT_GIT_URL is missing, wrong or expired/);
    expect(waiting.lastError).not.toContain('wrong-token');
    expect(await server.branches()).not.toContain(branchName(proposal));
  });

  it('gives up on a server that never answers after the timeout, and tries again later', async () => {
    const db = await getDb();
    const sockets = new Set<Socket>();
    const silent = createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = silent.address() as AddressInfo;
      const settings = {
        ...(await settingsFor(`http://deploy:${token}@127.0.0.1:${port}/content.git`)),
        timeoutMs: 1_000,
      };
      const proposal = await propose();
      const started = Date.now();
      expect(await deliverProposals(db, settings)).toBe(1);
      expect(Date.now() - started).toBeLessThan(10_000);
      const waiting = await row(proposal.id);
      expect(waiting).toMatchObject({ status: 'queued', attempts: 1 });
      expect(waiting.lastError).toBe('git ls-remote: no answer within 1000 ms');
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('takes a branch an earlier attempt pushed (its answer lost) as pushed, and pushes nothing again', async () => {
    const db = await getDb();
    const proposal = await propose();
    const branch = branchName(proposal);
    expect(await deliverProposals(db, await settingsFor(server.fileUrl))).toBe(1);
    const tip = (await server.git(['rev-parse', branch])).trim();
    // As if the push went through but the worker never heard: the row still says queued.
    await db
      .update(proposals)
      .set({ status: 'queued', branch: null, pushedAt: null, logoData: Buffer.from(logo).toString('base64') })
      .where(eq(proposals.id, proposal.id));

    expect(await deliverProposals(db, await settingsFor(server.urlWithCredentials))).toBe(1);
    expect(await row(proposal.id)).toMatchObject({ status: 'pushed', branch });
    expect((await server.git(['rev-parse', branch])).trim()).toBe(tip);
    expect(await pushesOf(branch)).toHaveLength(1);
  });

  it('keeps comments and fields the site does not know, changing only the lines proposed', async () => {
    const db = await getDb();
    const proposal = await propose({
      coop: 'commented',
      changes: { website: 'https://new.commented.example/', workerMembers: 4 },
      logoName: null,
      logoData: null,
    });
    expect(await deliverProposals(db, await settingsFor(server.fileUrl))).toBe(1);
    const branch = branchName(proposal);
    expect(await changedLines(branch, 'content/coops/commented.md')).toEqual([
      '-website: https://commented.example/ # the old address',
      '+website: https://new.commented.example/ # the old address',
      '+workerMembers: 4',
    ]);
    const file = await server.git(['show', `${branch}:content/coops/commented.md`]);
    expect(file).toContain('# Kept by hand: ask Bea before changing the position.');
    expect(file).toContain('founded: 2011 # not a field the site reads');
    expect(file).toContain('A co-op whose file has comments.');
    expect((await server.git(['diff', '--name-only', 'main', branch])).trim()).toBe('content/coops/commented.md');
  });

  it('pushes once when two workers run at once', async () => {
    const db = await getDb();
    const proposal = await propose();
    const [first, second] = await Promise.all([
      settingsFor(server.urlWithCredentials),
      settingsFor(server.urlWithCredentials),
    ]);
    const settled = await Promise.all([deliverProposals(db, first), deliverProposals(db, second)]);
    expect(settled.sort()).toEqual([0, 1]);
    const branch = branchName(proposal);
    expect(await row(proposal.id)).toMatchObject({ status: 'pushed', branch, attempts: 1 });
    expect(await pushesOf(branch)).toHaveLength(1);
  });

  it('marks failed a proposal whose co-op has no file, and does not try it again', async () => {
    const db = await getDb();
    const proposal = await propose({ coop: 'gone-away' });
    const settings = await settingsFor(server.fileUrl);
    expect(await deliverProposals(db, settings)).toBe(1);
    const failed = await row(proposal.id);
    expect(failed).toMatchObject({ status: 'failed', branch: null });
    expect(failed.lastError).toBe('content/coops/gone-away.md is not in main any more');
    await db
      .update(proposals)
      .set({ nextAttemptAt: sql`now()` })
      .where(eq(proposals.id, proposal.id));
    expect(await deliverProposals(db, settings)).toBe(0);
    expect(await server.branches()).not.toContain(branchName(proposal));
  });

  it("without CONTENT_GIT_URL pushes to a repository it makes under its directory from the site's content", async () => {
    const db = await getDb();
    const settings = await settingsFor(undefined);
    const proposal = await propose({ coop: 'agile-collective', changes: { town: 'Abingdon' } });
    expect(await deliverProposals(db, settings)).toBe(1);
    const branch = branchName(proposal);
    expect(await row(proposal.id)).toMatchObject({ status: 'pushed', branch });
    const standIn = join(settings.workDir, 'content.git');
    const diff = await server.git(['--git-dir', standIn, 'diff', '--unified=0', 'main', branch, '--', 'content']);
    expect(diff.split('\n').filter((line) => /^[-+](?![-+]{2} )/.test(line))).toEqual([
      '-town: Oxford',
      '+town: Abingdon',
      '+logo: /images/coops/autonomic.svg',
    ]);
    expect(
      (await server.git(['--git-dir', standIn, 'ls-tree', '--name-only', 'main', 'content/coops/'])).split('\n'),
    ).toContain('content/coops/autonomic.md');
  });

  it('runs with the server: woken when a proposal is stored, stopped at shutdown', async () => {
    const proposal = await propose({ logoName: null, logoData: null, changes: { town: 'Walsall' } });
    startProposalWorker({ settings: await settingsFor(server.fileUrl), pollMs: 60_000 });
    kickProposals();
    const deadline = Date.now() + 20_000;
    while ((await row(proposal.id)).status === 'queued' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await row(proposal.id)).toMatchObject({ status: 'pushed' });
    await stopProposalWorker();
    const later = await propose({ logoName: null, logoData: null, changes: { town: 'Dudley' } });
    kickProposals();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await row(later.id)).toMatchObject({ status: 'queued', attempts: 0 });
  });
});
