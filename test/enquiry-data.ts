import type { briefKind, joinKind } from '@/lib/enquiry-kinds';
import type { InputOf, ValuesOf } from '@/lib/enquiry-kinds/kind';

/** A valid enquiry for tests. */
export const validEnquiry: ValuesOf<typeof joinKind> = {
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
export const mailTestSettings = {
  notifyTo: 'members@coops.example',
  adminUrl: 'https://coops.example',
  serviceNames: new Map([
    ['web-design', 'Web Design'],
    ['hosting', 'Hosting'],
  ]),
  coopNames: new Map([
    ['with-address', 'Has An Address'],
    ['without-address', 'No Address Co-op'],
  ]),
  coops: new Map([
    ['with-address', { name: 'Has An Address', email: 'work@with-address.example' }],
    ['without-address', { name: 'No Address Co-op' }],
  ]),
};

/** A valid brief for tests, as a client's JSON would send it: its services are in content/services/. */
export const validBrief = {
  organisation: 'Friends of the Park',
  contactName: 'Grace Hopper',
  email: 'grace@example.org',
  description: 'A new website for our volunteers, with an events calendar.',
  services: ['web-design', 'hosting'],
  technologies: ['WordPress'],
  budget: '5k-20k',
  timescale: '1-3-months',
  location: 'Leeds',
  remote: true,
  consent: true,
} satisfies InputOf<typeof briefKind>;
