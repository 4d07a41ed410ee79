import { enquiryKindList, kindOf, type EnquiryKind } from '@/lib/enquiry-kinds';
import { enquiryNameOf } from '@/lib/enquiries/details';
import type { StoredEnquiry } from '@/lib/enquiries/store';

export const kindLabels = Object.fromEntries(enquiryKindList.map((kind) => [kind.kind, kind.label])) as Record<
  EnquiryKind,
  string
>;

/** Statuses join enquiries had before the membership decision (migration 0016), as their history still names them. */
const formerStatuses: Readonly<Record<string, string>> = { contacted: 'Contacted', proposed: 'Proposed on Loomio' };

/** Any enquiry's status in words: each kind has its own statuses, and `new` reads the same for all. */
export function statusLabel(status: string): string {
  for (const kind of enquiryKindList) {
    const label = (kind.statuses as Readonly<Record<string, string>>)[status];
    if (label) return label;
  }
  return formerStatuses[status] ?? status;
}

/** Who an enquiry is from, by its kind's naming field: the co-op asking to join, or the client's organisation. */
export function enquiryName(enquiry: StoredEnquiry): string {
  const kind = kindOf(enquiry.kind);
  return kind ? enquiryNameOf(kind, enquiry) : '';
}

/** Where an enquiry is from; a brief may only say that remote is fine. */
export function enquiryPlace(enquiry: Pick<StoredEnquiry, 'location' | 'remote'>): string {
  return [enquiry.location, enquiry.remote ? 'Remote is fine' : undefined].filter(Boolean).join('; ');
}
