import type { OutboxSettings } from './outbox';
import type { Enquiry } from './schema';

/** A valid enquiry for tests. */
export const validEnquiry: Enquiry = {
  coopName: 'Outlandish',
  contactName: 'Ada Lovelace',
  email: 'ada@example.coop',
  website: 'https://outlandish.example/',
  location: 'London',
  legalForm: 'co-operative-society',
  description: 'We build websites and data tools for charities.',
  evidenceUrl: 'https://outlandish.example/articles.pdf',
  agreesWithPrinciples: true,
  workerOwned: true,
  providesDigitalServices: true,
  ukBased: true,
  consent: true,
};

/** The outbox's settings in tests: quick retries, and addresses no test mail can reach. */
export const outboxTestSettings: OutboxSettings = {
  from: 'CoTech <contact@coops.tech>',
  notifyTo: 'members@coops.example',
  adminUrl: 'https://coops.example',
  retryBaseSeconds: 1,
  leaseSeconds: 60,
};
