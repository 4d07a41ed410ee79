import { describe, expect, it } from 'vitest';
import {
  applyProposal,
  branchName,
  commitMessage,
  coopFile,
  logoOf,
  mergeRequestOptions,
  UnpushableProposal,
  type Proposal,
} from './change';

const proposal = (values: Partial<Proposal> = {}): Proposal => ({
  id: '0123abcd-0000-4000-8000-000000000000',
  coop: 'outlandish',
  userId: null,
  authorName: 'Ada <Lovelace>\nSmith',
  authorEmail: 'ada@example.coop',
  reason: 'First line.\r\nSecond line.',
  changes: { website: 'https://outlandish.example/' },
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
  createdAt: new Date('2026-12-05T10:00:00.123Z'),
  pushedAt: null,
  mergedAt: null,
  publishedAt: null,
  closedAt: null,
  ...values,
});

describe('a proposal as a change to the content repository', () => {
  it('is pushed as a branch named by its co-op and id', () => {
    expect(branchName(proposal())).toBe('proposal/outlandish-0123abcd');
    expect(coopFile(proposal())).toBe('content/coops/outlandish.md');
  });

  it('has push options without line breaks, naming who asked, when and why, however the person wrote', () => {
    const options = mergeRequestOptions(proposal(), 'main');
    expect(options.slice(0, 2)).toEqual(['merge_request.create', 'merge_request.target=main']);
    for (const option of options) expect(option).not.toMatch(/[\r\n]/);
    expect(options[2]).toBe('merge_request.title=Update outlandish: proposed by Ada Lovelace Smith');
    // The person's words as Markdown that shows them as written (lib/proposals/quote.ts); <br> is the site's own.
    expect(options[3]).toBe(
      'merge_request.description=Proposed by Ada Lovelace Smith \\<ada\\@\u2060example\\.coop\\> on ' +
        '2026-12-05T10:00:00Z through the site.<br>Why: First line\\. Second line\\.<br>What changed: website\\: ' +
        'https\\:\u2060\\/\\/outlandish\\.example\\/',
    );
  });

  it('quotes what people typed as plain text in the description, and breaks its references in the commit', () => {
    const hostile = proposal({
      authorName: '@all',
      reason: '@all ![x](https://evil.example/x.png) <b>hi</b> #12',
      changes: { town: '!3 ~label' },
    });
    const [, , title, description] = mergeRequestOptions(hostile, 'main');
    expect(title).toBe('merge_request.title=Update outlandish: proposed by @\u2060all');
    expect(description).toContain(
      'Why: \\@\u2060all \\!\u2060\\[x\\]\\(https\\:\u2060\\/\\/evil\\.example\\/x\\.png\\) ' +
        '\\<b\\>hi\\<\\/b\\> \\#\u2060' +
        '12<br>',
    );
    expect(description?.endsWith('What changed: town\\: \\!\u20603 \\~\u2060label')).toBe(true);
    const message = commitMessage(hostile);
    expect(message).toContain('Why: @\u2060all !\u2060[x](https:\u2060//evil.example/x.png) <b>hi</b> #\u206012\n');
    expect(message).not.toMatch(/[@#!~]\w/);
  });

  it('cuts a very long reason so the description fits in one push option', () => {
    const [, , , description] = mergeRequestOptions(proposal({ reason: 'why '.repeat(10_000) }), 'main');
    expect(description?.length).toBe(8_000);
  });

  it('removes a field set to null and sets the logo to the uploaded file', () => {
    const text = '---\nname: Outlandish\ntown: London # HQ\nworkerMembers: 20\n---\nBody.\n';
    const changed = applyProposal(
      text,
      proposal({
        changes: { workerMembers: null },
        logoName: 'outlandish.png',
        logoData: Buffer.from('png').toString('base64'),
      }),
    );
    expect(changed).toBe('---\nname: Outlandish\ntown: London # HQ\nlogo: /images/coops/outlandish.png\n---\nBody.\n');
  });

  it('writes a proposed description as the body, after the blank line the file had, and names it in the request', () => {
    const withBody = '---\nname: Outlandish # us\n---\n\nOld words.\n';
    const described = proposal({ changes: { description: 'New words.\n\nA second paragraph.' } });
    expect(applyProposal(withBody, described)).toBe(
      '---\nname: Outlandish # us\n---\n\nNew words.\n\nA second paragraph.\n',
    );
    expect(applyProposal('---\nname: Outlandish\n---\n', described)).toBe(
      '---\nname: Outlandish\n---\n\nNew words.\n\nA second paragraph.\n',
    );
    expect(applyProposal(withBody, proposal({ changes: { description: '' } }))).toBe(
      '---\nname: Outlandish # us\n---\n',
    );
    expect(mergeRequestOptions(described, 'main')[3]).toContain(
      'What changed: description\\: New words\\. A second paragraph\\.',
    );
  });

  it.each([
    ['a slug that is not one', { coop: '../secrets' }],
    ['a logo name with a path in it', { logoName: '../x.svg', logoData: 'eA==' }],
    ['a logo without its bytes', { logoName: 'x.svg', logoData: null }],
    ['a change to the body', { changes: { body: 'replaced' } }],
  ])('can never be pushed with %s', (_, values) => {
    const attempt = () => {
      const bad = proposal(values);
      coopFile(bad);
      logoOf(bad);
      applyProposal('---\nname: Outlandish\n---\n', bad);
    };
    expect(attempt).toThrow(UnpushableProposal);
  });

  it.each([
    ['https://ada:secret@outlandish.example/', 'Website: give the address without a user name or password in it.'],
    ['javascript:alert(1)', 'Website: give an address starting https://.'],
    ['http://169.254.169.254/latest/', 'Website: 169.254.169.254 is not a public address'],
    ['http://[::ffff:127.0.0.1]/', 'Website: [::ffff:7f00:1] is not a public address'],
  ])('is never written with the website %s, which the form refuses too', (website, message) => {
    const unsafe = proposal({ changes: { website } });
    expect(() => applyProposal('---\nname: Outlandish\n---\n', unsafe)).toThrow(UnpushableProposal);
    expect(() => applyProposal('---\nname: Outlandish\n---\n', unsafe)).toThrow(message);
  });
});
