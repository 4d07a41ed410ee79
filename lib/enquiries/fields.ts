import { confirmations, legalForms, type Confirmation, type EnquiryField } from './schema';

/** The join form's fields, in order: the form on /join and the no-JavaScript error page both render these. */
export type FormField = {
  name: Exclude<EnquiryField, Confirmation>;
  label: string;
  hint?: string;
  type: 'text' | 'email' | 'url' | 'select' | 'textarea';
  required: boolean;
  autoComplete?: string;
};

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
];

export const legalFormOptions = Object.entries(legalForms) as [keyof typeof legalForms, string][];

/** The eligibility confirmations, then consent, as checkboxes. */
export const checkboxFields = Object.entries(confirmations) as [Confirmation, string][];

/** The order fields appear in the form, for focusing the first error. */
export const fieldOrder: EnquiryField[] = [
  ...formFields.map((field) => field.name),
  ...checkboxFields.map(([name]) => name),
];
