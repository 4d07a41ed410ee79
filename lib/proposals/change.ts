import 'server-only';
import { posix } from 'node:path';
import { readEntry, sourceKey, writeEntry } from '@/lib/cms/front-matter';
import { coopSchema, descriptionField, logoFolder, type Fields } from '@/lib/content/schema';
import type { proposals } from '@/lib/db/schema';
import { unsafeLink } from '@/lib/links/address';
import { logoFileName } from '@/lib/content/logo';
import { slugPattern } from '@/lib/slug';
import { markdownText, withoutReferences } from './quote';

export type Proposal = typeof proposals.$inferSelect;

/** What makes a proposal impossible to push, ever (its entry is gone, its data is not a change): it is `failed`. */
export class UnpushableProposal extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnpushableProposal';
  }
}

/** The co-op's file in the content repository. */
export function coopFile(proposal: Pick<Proposal, 'coop'>): string {
  if (!slugPattern.test(proposal.coop)) throw new UnpushableProposal(`"${proposal.coop}" is not a co-op's slug`);
  return posix.join('content', coopSchema.folder, `${proposal.coop}.md`);
}

/**
 * The branch a proposal is pushed as: named from its id, so that a second attempt (after a push whose answer was
 * lost) finds the first one's branch rather than making another.
 */
export function branchName(proposal: Pick<Proposal, 'id' | 'coop'>): string {
  return `proposal/${proposal.coop}-${proposal.id.slice(0, 8)}`;
}

/** The trailer each proposal's commit ends with: how a branch is known to be this proposal's. */
export const proposalTrailer = (proposal: Pick<Proposal, 'id'>) => `Proposal-Id: ${proposal.id}`;

/** A new logo: where it goes in the repository, and the `logo` value that names it (a site path). */
export function logoOf(
  proposal: Pick<Proposal, 'logoName' | 'logoData'>,
): { file: string; src: string; bytes: Buffer } | undefined {
  if (!proposal.logoName) return undefined;
  if (!logoFileName.test(proposal.logoName) || !proposal.logoData) {
    throw new UnpushableProposal(`the logo "${proposal.logoName}" is not an .svg or .png file with content`);
  }
  const src = `${logoFolder}/${proposal.logoName}`;
  return { file: posix.join('public', src), src, bytes: Buffer.from(proposal.logoData, 'base64') };
}

/** The changes as the entry's fields (the description among them): the logo's path, when a new logo comes, too. */
function fieldChanges(proposal: Proposal): Record<string, unknown> {
  const changes = { ...proposal.changes };
  for (const reserved of ['body', sourceKey]) {
    if (reserved in changes) throw new UnpushableProposal(`"${reserved}" is not a front matter field`);
  }
  refuseUnsafeLinks(changes);
  const logo = logoOf(proposal);
  if (logo) changes.logo = logo.src;
  return changes;
}

/**
 * Refuses again what the entry form refuses (lib/links/address.ts): a link with a user name or password, off
 * http(s), or to a private IP address. A proposal stored before the rule, or past the form, is never written.
 */
function refuseUnsafeLinks(changes: Record<string, unknown>) {
  const fields: Fields = coopSchema.fields;
  for (const [name, value] of Object.entries(changes)) {
    const field = fields[name];
    if (!field || !('format' in field) || field.format !== 'url') continue;
    for (const link of Array.isArray(value) ? value : [value]) {
      const unsafe = typeof link === 'string' ? unsafeLink(link) : undefined;
      if (unsafe) throw new UnpushableProposal(`${field.label}: ${unsafe}`);
    }
  }
}

/**
 * The co-op's file with the proposal's changes: only the changed lines change (lib/cms/front-matter.ts keeps
 * comments, quoting, order and the fields the site does not know). A field set to null is removed.
 */
export function applyProposal(text: string, proposal: Proposal): string {
  let entry;
  try {
    entry = readEntry(text);
  } catch (error) {
    throw new UnpushableProposal(`${coopFile(proposal)}: ${error instanceof Error ? error.message : error}`);
  }
  // The description is the file's body, not a front matter field.
  const { [descriptionField.name]: description, ...frontMatter } = fieldChanges(proposal);
  return writeEntry({ ...entry, ...frontMatter, body: newBody(entry.body, description), [sourceKey]: text });
}

/**
 * A new co-op's file (a proposal that `creates`): the proposed fields in the schema's order, then the description
 * as its body, if any.
 */
export function newEntryText(proposal: Proposal): string {
  const { [descriptionField.name]: description, ...frontMatter } = fieldChanges(proposal);
  return writeEntry({ ...frontMatter, body: newBody(undefined, description) }, Object.keys(coopSchema.fields));
}

/**
 * The body with a proposed description: its text, after the blank lines the file had before the old one, and with
 * one line break at its end. Without one, the body as it was.
 */
function newBody(body: unknown, description: unknown): unknown {
  if (typeof description !== 'string') return body;
  // An entry without a body gets one blank line after its front matter, as the directory's files are written.
  const leading = typeof body === 'string' && body.trim() !== '' ? (/^\s*\n/.exec(body)?.[0] ?? '') : '\n';
  return description === '' ? '' : `${leading}${description}\n`;
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

const shown = (value: unknown): string =>
  value === null || value === undefined
    ? '(removed)'
    : Array.isArray(value)
      ? value.map(shown).join(', ')
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value);

/** What changed, field by field, as `field: new value`. */
export function changeLines(proposal: Proposal): string[] {
  return Object.entries(fieldChanges(proposal)).map(([field, value]) => `${field}: ${oneLine(shown(value))}`);
}

/** A name or address as git takes it in an ident: no angle brackets or line breaks. */
export const identPart = (text: string) => oneLine(text.replace(/[<>]/g, ''));

export type Described = { title: string; lines: string[] };

/**
 * The merge request's title and its description's lines: who asked, when, why, and what changed. What people typed
 * (their name, the reason, the new values) passes through `quote`, for where the lines go: the commit's message
 * (withoutReferences) or the merge request's Markdown description (markdownText).
 */
export function describeProposal(proposal: Proposal, quote: (text: string) => string = withoutReferences): Described {
  const who = `${identPart(proposal.authorName)} <${identPart(proposal.authorEmail)}>`;
  const when = proposal.createdAt.toISOString().replace(/\.\d+Z$/, 'Z');
  const reason = oneLine(proposal.reason);
  return {
    title: withoutReferences(
      `${proposal.creates ? 'Add' : 'Update'} ${proposal.coop}: proposed by ${identPart(proposal.authorName)}`,
    ),
    lines: [
      `Proposed by ${quote(who)} on ${when} through the site.`,
      `Why: ${reason ? quote(reason) : '(no reason given)'}`,
      `What changed: ${changeLines(proposal).map(quote).join('; ')}`,
    ],
  };
}

/** The commit's message: the title, the description, and the trailer that ties the branch to the proposal. */
export function commitMessage(proposal: Proposal): string {
  const { title, lines } = describeProposal(proposal);
  return `${title}\n\n${lines.join('\n')}\n\n${proposalTrailer(proposal)}\n`;
}

// git refuses push options with line breaks, and GitLab has no escape for them (gitlab-org/gitlab#241710); its
// Markdown renders <br>, so the description's lines are joined by it. A push option travels in one pkt-line, so a
// long reason is cut.
const maxOptionLength = 8_000;

/** The push options that make GitLab open a merge request of the branch into `target`. */
export function mergeRequestOptions(proposal: Proposal, target: string): string[] {
  const { title, lines } = describeProposal(proposal, markdownText);
  return [
    'merge_request.create',
    `merge_request.target=${target}`,
    `merge_request.title=${title}`.slice(0, maxOptionLength),
    `merge_request.description=${lines.join('<br>')}`.slice(0, maxOptionLength),
  ];
}
