import 'server-only';
import { directory } from '@/lib/coops';
import { descriptionField } from '@/lib/content/schema';
import type { Proposal } from './change';
import type { EntryValues } from './entry';
import { editableFields } from './entry-fields';
import { entryValues } from './form';
import { saysWhatItAsks, type EntryRecord } from './review';

/** A co-op's entry as the running site was built from it: its form's fields, its logo and its confirmation. */
export function deployedEntry(slug: string): EntryRecord | undefined {
  const coop = directory.getCoop(slug);
  if (!coop) return undefined;
  // `member` and `joined` too: what a departure and a new co-op's entry ask (lib/membership).
  return {
    ...entryValues(coop),
    member: coop.member,
    joined: coop.joined?.slice(0, 10),
    logo: coop.logo,
    confirmed: coop.confirmed,
  };
}

/** Whether the site's own content already says what a proposal sent to the editors asked. */
export function publishedNow(proposal: Proposal): boolean {
  const entry = deployedEntry(proposal.coop);
  return proposal.status === 'pushed' && entry !== undefined && saysWhatItAsks(entry, proposal);
}

/**
 * Whether a proposal still waits for an editor: queued, or sent and neither merged, published (by the site's own
 * content, however recently deployed) nor closed. A proposal that only confirmed the entry waits for nobody's
 * review of any value, so it is left out: the form has nothing of it to show.
 */
export function isWaiting(proposal: Proposal): boolean {
  if (Object.keys(proposal.changes).every((field) => field === 'confirmed') && !proposal.logoName) return false;
  if (proposal.status === 'queued') return true;
  return proposal.status === 'pushed' && !proposal.mergedAt && !publishedNow(proposal);
}

const editable = new Set<string>([...editableFields, descriptionField.name]);

/**
 * The entry with the changes still waiting for an editor on top, oldest first: what the edit form starts from, so
 * a person sees what they sent, and a second change builds on the first.
 */
export function withWaiting(values: EntryValues, waiting: readonly Proposal[]): EntryValues {
  const result: Record<string, unknown> = { ...values };
  const oldestFirst = [...waiting].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  for (const proposal of oldestFirst) {
    for (const [field, value] of Object.entries(proposal.changes)) {
      if (!editable.has(field)) continue;
      if (value === null) delete result[field];
      else result[field] = value;
    }
  }
  return result as EntryValues;
}
