import type { EnquiryStatus } from '@/lib/db/schema';

export const statusLabels: Record<EnquiryStatus, string> = {
  new: 'New',
  contacted: 'Contacted',
  proposed: 'Proposed on Loomio',
  approved: 'Approved',
  declined: 'Declined',
};

const received = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'Europe/London',
});

export function formatReceived(date: Date): string {
  return received.format(date);
}
