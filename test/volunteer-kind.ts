import { confirmation, contactName, email, text } from '@/lib/enquiry-kinds/field';
import { defineKind } from '@/lib/enquiry-kinds/kind';

/**
 * A third kind of enquiry, for the tests alone (app/third-kind.test.ts): a person offering to
 * volunteer. Described as a real kind is, so that every place derived from the registry must show it.
 */
export const volunteerKind = defineKind({
  kind: 'volunteer',
  label: 'Volunteer',
  summary: 'An offer to volunteer',
  nameField: 'contactName',
  reference: 'V',
  fields: [
    contactName,
    email,
    {
      name: 'skills',
      label: 'What you could help with',
      type: 'textarea',
      required: true,
      schema: text(2000, 'Tell us what you could help with'),
      column: { name: 'skills', type: 'text', stored: 'what you could help with' },
      shown: { label: 'Skills', as: 'long', csv: 'volunteer skills' },
    },
  ],
  confirmations: [confirmation('consent', 'I agree that CoTech may store this offer', 'We need your consent')],
  statuses: { new: 'New', welcomed: 'Welcomed', 'not-now': 'Not now' },
  closedStatuses: ['welcomed', 'not-now'],
  endpoint: { path: 'volunteers', rateLimit: 'volunteers', rateLimitSetting: 'JOIN_RATE_LIMIT' },
  site: {
    page: 'volunteer',
    nav: { label: 'Volunteer', after: '/about' },
    forwardable: false,
    admin: { title: 'Volunteer offer', noun: 'offer', stale: 'thank them' },
    privacy: {
      heading: 'What the volunteer form stores',
      sender: 'someone offers to volunteer',
      handling: 'while they find something for you',
    },
  },
  form: {
    noun: 'offer',
    heading: 'Offer your help',
    checkboxLegend: 'Consent',
    submit: 'Send offer',
    thanks: { heading: 'Thank you for your offer', body: 'We will be in touch.' },
  },
  mail: {
    subject: 'Volunteer offer',
    intro: (network) => `Someone has offered to volunteer for ${network.shortName}.`,
    link: 'Read it',
    receipt: {
      subject: (network) => `We have received your offer to ${network.shortName}`,
      paragraphs: () => ['We have received your offer to volunteer.'],
      noun: 'offer',
    },
  },
});
