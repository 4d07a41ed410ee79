import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readEntry } from '@/lib/cms/front-matter';
import { entryBuildProblems } from '@/lib/proposals/entry-check';
import { applyProposal, branchName, coopFile, type Proposal } from './change';

// Every co-op entry that builds can be proposed: the proposal path's checks, run on each file of content/coops as
// the form and the worker run them, with the change every proposal carries (today's `confirmed:`).
const entries = readdirSync('content/coops').filter((file) => file.endsWith('.md'));

const proposalFor = (coop: string): Proposal => ({
  id: '0123abcd-0000-4000-8000-000000000000',
  coop,
  userId: null,
  authorName: 'Ada Lovelace',
  authorEmail: 'ada@example.coop',
  reason: 'Still correct.',
  changes: { confirmed: '2026-12-05' },
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
  createdAt: new Date('2026-12-05T10:00:00Z'),
  pushedAt: null,
  mergedAt: null,
  publishedAt: null,
  closedAt: null,
});

describe('every co-op entry', () => {
  it('is there to walk, principle_six (an underscore in its name) among them', () => {
    expect(entries.length).toBeGreaterThan(20);
    expect(entries).toContain('principle_six.md');
  });

  it.each(entries)('%s can be proposed: its file, its branch, the change, and the build takes it', async (file) => {
    const proposal = proposalFor(file.replace(/\.md$/, ''));
    expect(coopFile(proposal)).toBe(`content/coops/${file}`);
    // git's own rule for a branch name: it exits non-zero, and this throws, for one it refuses.
    expect(execFileSync('git', ['check-ref-format', '--branch', branchName(proposal)], { encoding: 'utf8' })).toBe(
      `${branchName(proposal)}\n`,
    );
    const changed = applyProposal(readFileSync(`content/coops/${file}`, 'utf8'), proposal);
    expect(readEntry(changed)).toMatchObject({ confirmed: '2026-12-05' });
    // The content build's checks of the entry as changed, as the account form runs them before taking a proposal.
    expect(await entryBuildProblems(proposal.coop, { description: 'Still the same co-op.' })).toEqual({});
  });
});
