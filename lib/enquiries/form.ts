import { confirmations, type Confirmation, type EnquiryField } from './schema';

/**
 * The join form's one definition: its fields in order and all its wording. components/join-form.tsx renders it
 * (on /join, and in the answer to a failed form post), join-form.browser.ts says its status messages, and the
 * thanks page repeats its thanks. The schema keeps what it validates: each legal form's and confirmation's name,
 * and the messages for invalid values.
 */
export type FormField = {
  name: EnquiryField;
  label: string;
  hint?: string;
  type: 'text' | 'email' | 'url' | 'select' | 'textarea' | 'checkbox';
  required: boolean;
  autoComplete?: string;
};

/** Every field, in the order the form shows them: the checkboxes (eligibility, then consent) come last. */
export const formFields: readonly FormField[] = [
  { name: 'coopName', label: 'Co-op name', type: 'text', required: true, autoComplete: 'organization' },
  { name: 'contactName', label: 'Contact name', type: 'text', required: true, autoComplete: 'name' },
  { name: 'email', label: 'Email', type: 'email', required: true, autoComplete: 'email' },
  { name: 'website', label: 'Website (optional)', type: 'url', required: false, autoComplete: 'url' },
  { name: 'location', label: 'Location', hint: 'Town or region', type: 'text', required: true },
  { name: 'legalForm', label: 'Legal form', type: 'select', required: true },
  {
    name: 'description',
    label: 'Tell us about your co-op and the services you provide',
    type: 'textarea',
    required: true,
  },
  {
    name: 'evidenceUrl',
    label: 'Link to evidence (optional)',
    hint: 'For example your Articles of Association or rules',
    type: 'url',
    required: false,
  },
  ...(Object.keys(confirmations) as Confirmation[]).map((name): FormField => ({
    name,
    label: confirmations[name],
    type: 'checkbox',
    required: true,
  })),
];

/** What the form says as rendered. */
export const formCopy = {
  heading: 'Send us your enquiry',
  choose: 'Choose…',
  checkboxLegend: 'Eligibility and consent',
  honeypotLabel: 'Fax (leave empty)',
  submit: 'Send enquiry',
  thanks: {
    heading: 'Thank you for your enquiry',
    body: 'We have received it and sent a copy to your email address. Members of the network will read it and reply to you; your membership is then proposed to the members on Loomio.',
  },
} as const;

/** What the form says in the browser while it sends an enquiry in place (kept apart, so the script carries only this). */
export const formStatus = {
  pending: 'Sending…',
  invalid: 'Your enquiry was not sent: please correct the fields marked.',
  sending: 'Sending your enquiry…',
  sent: 'Your enquiry has been sent.',
  refused: (detail = 'please try again.') => `Your enquiry was not sent: ${detail}`,
  offline: 'Your enquiry was not sent: we could not reach the site. Check your connection and try again.',
} as const;

/** The ids of a field's hint and of its error message. */
export const hintId = (name: EnquiryField) => `${name}-hint`;
export const errorId = (name: EnquiryField) => `${name}-error`;

/** What describes a field's control to assistive technology: its hint, and its error when it has one. */
export function describedBy(field: FormField, invalid: boolean): string | undefined {
  const ids = [field.hint && hintId(field.name), invalid && errorId(field.name)].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}
