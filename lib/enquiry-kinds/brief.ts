import * as z from 'zod/mini';
import { blankAsAbsent, confirmation, contactName, email, phone, isTicked, optionalText, text, under } from './field';
import { defineKind } from './kind';

export const budgets = {
  'under-5k': 'Under £5,000',
  '5k-20k': '£5,000 to £20,000',
  '20k-50k': '£20,000 to £50,000',
  '50k-100k': '£50,000 to £100,000',
  'over-100k': 'Over £100,000',
  'not-sure': 'Not sure yet',
} as const;
export type Budget = keyof typeof budgets;

export const timescales = {
  'within-a-month': 'Within a month',
  '1-3-months': 'In 1 to 3 months',
  '3-6-months': 'In 3 to 6 months',
  'over-6-months': 'In more than 6 months',
  flexible: 'Flexible',
} as const;
export type Timescale = keyof typeof timescales;

const keys = <T extends string>(record: Record<T, string>) => Object.keys(record) as [T, ...T[]];

/** A form sends one value per ticked box, JSON a list; one box ticked arrives as a single string. */
const asList = (value: unknown) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** The form's one text box (`Drupal, React`) or a JSON list, as a list of names without blanks or repeats. */
const asNames = (value: unknown) => {
  const parts = typeof value === 'string' ? value.split(',') : asList(value);
  const names = parts.map((part) => (typeof part === 'string' ? part.trim() : part)).filter((part) => part !== '');
  return [...new Set(names)];
};

/**
 * A client's brief for work (`/hire`, `POST /api/briefs`): the one description of its fields, form, mails and
 * statuses. Its services and the co-op a client may name are checked against the directory's: the server passes
 * every service slug and every member co-op's slug, the browser the slugs its form shows (the same lists, rendered
 * from the content).
 */
export const briefKind = defineKind({
  kind: 'brief',
  label: 'Brief',
  summary: 'A client’s brief',
  nameField: 'organisation',
  reference: 'B',
  fields: [
    {
      name: 'organisation',
      label: 'Organisation',
      type: 'text',
      required: true,
      autoComplete: 'organization',
      schema: text(200, 'Enter the name of your organisation'),
      column: { name: 'organisation', type: 'text', stored: 'your organisation’s name' },
      shown: { label: 'Organisation', as: 'text' },
    },
    contactName,
    email,
    phone,
    {
      name: 'description',
      label: 'What do you need?',
      hint: 'The project, who it is for and what a good result looks like',
      type: 'textarea',
      required: true,
      schema: text(5000, 'Tell us what you need'),
      column: { name: 'description', type: 'text', notNull: true, stored: 'what you need' },
      personal: true,
      shown: { label: 'What they need', as: 'long' },
    },
    {
      name: 'services',
      label: 'Services you need',
      hint: 'Choose one or more',
      type: 'choices',
      required: true,
      optionsFrom: 'services',
      prefill: 'service',
      schema: ({ serviceSlugs }) => {
        const known = new Set(serviceSlugs);
        return z.pipe(
          z.transform(asList),
          z
            .array(z.string().check(z.refine((slug) => known.has(slug), { error: 'Choose services from the list' })))
            .check(z.minLength(1, { error: 'Choose at least one service' })),
        );
      },
      column: { name: 'services', type: 'text[]', stored: 'the services you choose' },
      shown: { label: 'Services', as: 'services' },
    },
    {
      // A co-op page's "Send X a brief" links to `/hire?coop=SLUG`; the brief arrives with it as the first suggestion.
      // A co-op's slug, not personal data: erasure keeps it.
      name: 'coop',
      label: 'A co-op you’d like to work with (optional)',
      type: 'select',
      required: false,
      optionsFrom: 'coops',
      prefill: 'coop',
      schema: ({ coopSlugs }) => {
        const known = new Set(coopSlugs);
        const message = 'Choose a co-op from the list';
        // Optional outside as well: a JSON body may leave the key out.
        return z.optional(
          z.pipe(
            blankAsAbsent(),
            z.optional(z.string({ error: message }).check(z.refine((slug) => known.has(slug), { error: message }))),
          ),
        );
      },
      column: { name: 'coop', type: 'text', optional: true, stored: 'the co-op you name (if you name one)' },
      shown: { label: 'Co-op named', as: 'coop', csv: 'Co-op' },
    },
    {
      name: 'technologies',
      label: 'Technologies (optional)',
      hint: 'Any you use or want, separated by commas: for example Drupal, React',
      type: 'text',
      required: false,
      schema: z.pipe(
        z.transform(asNames),
        z
          .array(z.string({ error: 'Name each technology as text' }).check(under(100)))
          .check(z.maxLength(20, { error: 'Please name at most 20 technologies' })),
      ),
      // Always a list, empty when none was named.
      column: { name: 'technologies', type: 'text[]', stored: 'the technologies you name' },
      shown: { label: 'Technologies', as: 'list' },
    },
    {
      name: 'budget',
      label: 'Budget',
      type: 'select',
      required: true,
      options: budgets,
      schema: z.enum(keys(budgets), { error: 'Choose a budget range' }),
      column: { name: 'budget', type: 'text', stored: 'your budget range' },
      shown: { label: 'Budget', as: 'option' },
    },
    {
      name: 'timescale',
      label: 'When do you need it?',
      type: 'select',
      required: true,
      options: timescales,
      schema: z.enum(keys(timescales), { error: 'Choose when you need the work' }),
      column: { name: 'timescale', type: 'text', stored: 'your timescale' },
      shown: { label: 'Timescale', as: 'option' },
    },
    {
      name: 'location',
      label: 'Where are you?',
      hint: 'Town or city; leave empty if remote is fine',
      type: 'text',
      required: false,
      autoComplete: 'address-level2',
      schema: optionalText(200, 'Enter your town or city as text'),
      column: { name: 'location', type: 'text', optional: true, stored: 'where you are' },
      shown: { label: 'Location', as: 'text' },
    },
    {
      name: 'remote',
      label: 'Remote is fine',
      type: 'checkbox',
      required: false,
      schema: z.pipe(z.transform(isTicked), z.boolean()),
      column: { name: 'remote', type: 'boolean', stored: 'whether remote work is fine' },
      shown: { label: 'Remote is fine', as: 'yes-no' },
    },
  ],
  confirmations: [
    confirmation(
      'consent',
      'I agree that CoTech may store this brief and share it with member co-ops to answer it',
      'We need your consent to store your brief',
    ),
  ],
  // Checked even while other fields are wrong, so the visitor sees every message at once.
  refine: {
    test: (values) => isTicked(values.remote) || (typeof values.location === 'string' && values.location !== ''),
    error: 'Enter your town or city, or tick “Remote is fine”',
    path: 'location',
  },
  statuses: {
    new: 'New',
    forwarded: 'Forwarded',
    'in-conversation': 'In conversation',
    won: 'Won',
    lost: 'Lost',
    closed: 'Closed',
  },
  closedStatuses: ['won', 'lost', 'closed'],
  endpoint: { path: 'briefs', rateLimit: 'briefs', rateLimitSetting: 'BRIEF_RATE_LIMIT' },
  site: {
    page: 'hire',
    // Clients finding co-ops is what the network is for, so hiring leads the pages after the directory.
    nav: { label: 'Hire a co-op', after: '/members' },
    forwardable: true,
    optionPages: 'services',
    admin: { title: 'Brief', noun: 'brief', stale: 'forward it or reply' },
    privacy: {
      heading: 'What the brief form stores',
      sender: 'an organisation sends a brief',
      handling: 'while they find a co-op for it',
    },
  },
  form: {
    noun: 'brief',
    heading: 'Send us your brief',
    checkboxLegend: 'Consent',
    submit: 'Send brief',
    thanks: {
      heading: 'Thank you for your brief',
      body: 'We have received it and sent a confirmation to your email address. Members of the network will read it and pass it to the co-ops best placed to help, who will reply to you directly.',
      next: { href: '/members', label: 'Browse the member co-ops' },
    },
  },
  mail: {
    subject: 'Brief',
    intro: (network) => `A client has sent ${network.shortName} a brief.`,
    link: 'See the suggested co-ops',
    receipt: {
      subject: (network) => `We have received your brief to ${network.shortName}`,
      paragraphs: (network) => [
        `We have received a brief for work sent to ${network.name} (${network.shortName}) that gave this email address.`,
        'Members of the network will read it and pass it to the member co-ops best placed to help, who will reply to this address.',
      ],
      noun: 'brief',
    },
  },
});
