import { enquiryKinds, statusesOf } from '@/lib/db/schema';
import type { EnquiryFilter } from '@/lib/enquiries/store';
import { kindLabels, statusLabel } from '@/lib/enquiries/labels';
import { normaliseReference } from '@/lib/enquiries/reference';

/** Every status of every kind, once each (`new` is every kind's). */
export const allStatuses = [...new Set(Object.values(statusesOf).flat())];

type Query = Record<string, string | string[] | undefined>;

export type ParsedFilter = { ok: true; filter: EnquiryFilter } | { ok: false; message: string };

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) || undefined;

/**
 * Reads the triage list's filter from its query (`?kind=brief&status=won&reference=B-9M2D`), as the page's plain
 * GET form sends it and the CSV link repeats it. An empty value means any; a value the list does not know is said in
 * words. A reference is read as people type it (`b9m2d`, lib/enquiries/reference.ts).
 */
export function parseEnquiryFilter(query: Query): ParsedFilter {
  const kind = one(query.kind);
  const status = one(query.status);
  const typed = one(query.reference)?.trim() || undefined;
  const reference = typed && normaliseReference(typed);
  const known = (values: readonly string[]) => values.map((value) => `“${value}”`).join(', ');
  if (kind !== undefined && !(enquiryKinds as readonly string[]).includes(kind)) {
    return { ok: false, message: `There is no kind “${kind}”: choose one of ${known(enquiryKinds)}, or any.` };
  }
  if (status !== undefined && !(allStatuses as readonly string[]).includes(status)) {
    return { ok: false, message: `There is no status “${status}”: choose one of ${known(allStatuses)}, or any.` };
  }
  if (typed !== undefined && !reference) {
    return {
      ok: false,
      message: `“${typed}” is not a reference: a reference is a letter and four letters or digits, like B-9M2D.`,
    };
  }
  return {
    ok: true,
    filter: {
      ...(kind && { kind: kind as EnquiryFilter['kind'] }),
      ...(status && { status: status as EnquiryFilter['status'] }),
      ...(reference && { reference }),
    },
  };
}

/** The filter as a query string, for the CSV link that exports what the list shows (`` when it shows all). */
export function filterQuery(filter: EnquiryFilter): string {
  const query = new URLSearchParams();
  if (filter.kind) query.set('kind', filter.kind);
  if (filter.status) query.set('status', filter.status);
  if (filter.reference) query.set('reference', filter.reference);
  return query.size ? `?${query}` : '';
}

/** The filter in words, for the list's caption: `Briefs, Won`, `Reference B-9M2D`. */
export function filterLabel(filter: EnquiryFilter): string {
  return [
    filter.kind && `${kindLabels[filter.kind]}s`,
    filter.status && statusLabel(filter.status),
    filter.reference && `Reference ${filter.reference}`,
  ]
    .filter(Boolean)
    .join(', ');
}
