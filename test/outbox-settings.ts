import type { OutboxSettings } from '@/lib/mail/outbox';
import { siteComposer } from '@/lib/runtime/site-mail';
import { mailTestSettings } from './enquiry-data';

/** The outbox's settings in unit tests: quick retries, and addresses no test mail can reach (server code: e2e
 * specs import test/enquiry-data.ts, never this). */
export const outboxTestSettings: OutboxSettings = {
  from: 'CoTech <contact@coops.tech>',
  compose: siteComposer(mailTestSettings),
  expiresAfterMinutes: { 'sign-in': 15 },
  retryBaseSeconds: 1,
  leaseSeconds: 60,
};
