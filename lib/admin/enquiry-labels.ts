import type { EnquiryKind, EnquiryStatus, LeadStatus } from '@/lib/db/schema';
import type { StoredEnquiry } from '@/lib/enquiries/store';

export const statusLabels: Record<EnquiryStatus, string> = {
  new: 'New',
  contacted: 'Contacted',
  proposed: 'Proposed on Loomio',
  approved: 'Approved',
  declined: 'Declined',
};

export const leadStatusLabels: Record<LeadStatus, string> = {
  new: 'New',
  forwarded: 'Forwarded',
  'in-conversation': 'In conversation',
  won: 'Won',
  lost: 'Lost',
  closed: 'Closed',
};

export const kindLabels: Record<EnquiryKind, string> = { join: 'Join', brief: 'Brief' };

/** Any enquiry's status in words: each kind has its own statuses, and `new` reads the same for both. */
export function statusLabel(status: string): string {
  const labels: Record<string, string> = { ...statusLabels, ...leadStatusLabels };
  return labels[status] ?? status;
}

/** Who an enquiry is from: the co-op asking to join, or the client's organisation. */
export function enquiryName(enquiry: Pick<StoredEnquiry, 'kind' | 'coopName' | 'organisation'>): string {
  return (enquiry.kind === 'brief' ? enquiry.organisation : enquiry.coopName) ?? '';
}

/** Where an enquiry is from; a brief may only say that remote is fine. */
export function enquiryPlace(enquiry: Pick<StoredEnquiry, 'location' | 'remote'>): string {
  return [enquiry.location, enquiry.remote ? 'Remote is fine' : undefined].filter(Boolean).join('; ');
}

const received = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'Europe/London',
});

export function formatReceived(date: Date): string {
  return received.format(date);
}
