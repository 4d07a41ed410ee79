import * as z from 'zod/mini';
import { confirmation, contactName, email, phone, text, webAddress } from './field';
import { defineKind } from './kind';

export const legalForms = {
  'company-limited-by-shares': 'Company limited by shares',
  'company-limited-by-guarantee': 'Company limited by guarantee',
  'co-operative-society': 'Co-operative society',
  partnership: 'Partnership',
  unincorporated: 'Unincorporated',
  other: 'Other',
} as const;
export type LegalForm = keyof typeof legalForms;

/**
 * A co-op asking to join the network (`/join`, `POST /api/join`): the one description of its fields, form, mails
 * and statuses. Everything else is derived from it (lib/enquiry-kinds/kind.ts).
 */
export const joinKind = defineKind({
  kind: 'join',
  label: 'Join',
  summary: 'A co-op’s enquiry to join',
  nameField: 'coopName',
  reference: 'J',
  fields: [
    {
      name: 'coopName',
      label: 'Co-op name',
      type: 'text',
      required: true,
      autoComplete: 'organization',
      schema: text(200, "Enter your co-op's name"),
      column: { name: 'coop_name', type: 'text', stored: 'the co-op’s name' },
      shown: { label: 'Co-op', as: 'text' },
    },
    contactName,
    email,
    phone,
    {
      name: 'website',
      label: 'Website (optional)',
      type: 'url',
      required: false,
      autoComplete: 'url',
      schema: webAddress("Enter your co-op's website as a full address starting with https://"),
      column: { name: 'website', type: 'text', optional: true, stored: 'the co-op’s website' },
      personal: true,
      shown: { label: 'Website', as: 'link' },
    },
    {
      name: 'location',
      label: 'Location',
      hint: 'Town or region',
      type: 'text',
      required: true,
      schema: text(200, 'Enter the town or region your co-op is based in'),
      column: { name: 'location', type: 'text', stored: 'its location' },
      shown: { label: 'Location', as: 'text' },
    },
    {
      name: 'legalForm',
      label: 'Legal form',
      type: 'select',
      required: true,
      options: legalForms,
      schema: z.enum(Object.keys(legalForms) as [LegalForm, ...LegalForm[]], {
        error: "Choose your co-op's legal form",
      }),
      column: { name: 'legal_form', type: 'text', stored: 'its legal form' },
      shown: { label: 'Legal form', as: 'option' },
    },
    {
      name: 'description',
      label: 'Tell us about your co-op and the services you provide',
      type: 'textarea',
      required: true,
      schema: text(5000, 'Tell us about your co-op and the services you provide'),
      column: { name: 'description', type: 'text', notNull: true, stored: 'what you tell us about it' },
      personal: true,
      shown: { label: 'About the co-op', as: 'long' },
    },
    {
      name: 'evidenceUrl',
      label: 'Link to evidence (optional)',
      hint: 'For example your Articles of Association or rules',
      type: 'url',
      required: false,
      schema: webAddress('Enter the link to your evidence as a full address starting with https://'),
      column: {
        name: 'evidence_url',
        type: 'text',
        optional: true,
        stored: 'a link to evidence of its co-operative status',
      },
      personal: true,
      shown: { label: 'Evidence', as: 'link' },
    },
  ],
  // The eligibility list on the Join page, then consent.
  confirmations: [
    confirmation(
      'agreesWithPrinciples',
      'Our co-op agrees with and practises the 7 Co-operative Principles',
      'Members must agree with and practise the 7 Co-operative Principles',
    ),
    confirmation(
      'workerOwned',
      'Our co-op is owned and democratically run by its workers',
      'Members must be owned and democratically run by their workers',
    ),
    confirmation(
      'providesDigitalServices',
      'Our co-op provides tech/digital services',
      'Members must provide tech/digital services',
    ),
    confirmation(
      'ukBased',
      'Our co-op is based in, or has significant ties to, the UK',
      'Members must be based in, or have significant ties to, the UK',
    ),
    confirmation(
      'consent',
      'I agree that CoTech may store this enquiry to answer it and to propose our membership',
      'We need your consent to store your enquiry',
    ),
  ],
  // The membership decision (lib/membership): in discussion once a member has started it on Loomio; approved and
  // declined are reached only through its steps, withdrawn when the co-op withdraws.
  statuses: {
    new: 'New',
    'in-discussion': 'In discussion',
    approved: 'Approved',
    declined: 'Declined',
    withdrawn: 'Withdrawn',
  },
  closedStatuses: ['approved', 'declined', 'withdrawn'],
  endpoint: { path: 'join', rateLimit: 'join', rateLimitSetting: 'JOIN_RATE_LIMIT' },
  site: {
    page: 'join',
    note:
      'Rather than email, you can use the form below: it sends us the same, a description of your co-op and a ' +
      'link to your evidence, and asks you to confirm each of the conditions above.',
    nav: { label: 'Join', after: '/about' },
    forwardable: false,
    admin: { title: 'Join enquiry', noun: 'enquiry', stale: 'reply' },
    privacy: {
      heading: 'What the join form stores',
      sender: 'a co-op asks to join',
      handling: 'while they consider it',
    },
  },
  form: {
    noun: 'enquiry',
    heading: 'Send us your enquiry',
    checkboxLegend: 'Eligibility and consent',
    submit: 'Send enquiry',
    thanks: {
      heading: 'Thank you for your enquiry',
      body: 'We have received it and sent a copy to your email address. Members of the network will read it and reply to you; your membership is then proposed to the members on Loomio.',
    },
  },
  mail: {
    subject: 'Join enquiry',
    intro: (network) => `A co-op has asked to join ${network.shortName}.`,
    link: 'Triage it',
    receipt: {
      subject: (network) => `We have received an enquiry to join ${network.shortName}`,
      paragraphs: (network) => [
        `We have received an enquiry to join ${network.name} (${network.shortName}) that gave this email address.`,
        'Members of the network will read it and reply to this address; membership is then proposed to the members on Loomio.',
      ],
      noun: 'enquiry',
    },
  },
});
