import { statusWording, type FormDescription, type FormField } from './form';
import { confirmations, legalForms, type Confirmation, type EnquiryField } from './schema';

type JoinField = FormField & { name: EnquiryField };

/** The join form: a co-op asking to become a member of the network. */
export const joinForm = {
  kind: 'join',
  action: '/api/join',
  fields: [
    { name: 'coopName', label: 'Co-op name', type: 'text', required: true, autoComplete: 'organization' },
    { name: 'contactName', label: 'Contact name', type: 'text', required: true, autoComplete: 'name' },
    { name: 'email', label: 'Email', type: 'email', required: true, autoComplete: 'email' },
    { name: 'website', label: 'Website (optional)', type: 'url', required: false, autoComplete: 'url' },
    { name: 'location', label: 'Location', hint: 'Town or region', type: 'text', required: true },
    { name: 'legalForm', label: 'Legal form', type: 'select', required: true, options: legalForms },
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
  ] satisfies JoinField[],
  // Eligibility, then consent.
  confirmations: (Object.keys(confirmations) as Confirmation[]).map((name): JoinField => ({
    name,
    label: confirmations[name],
    type: 'checkbox',
    required: true,
  })),
  copy: {
    heading: 'Send us your enquiry',
    checkboxLegend: 'Eligibility and consent',
    submit: 'Send enquiry',
    thanks: {
      heading: 'Thank you for your enquiry',
      body: 'We have received it and sent a copy to your email address. Members of the network will read it and reply to you; your membership is then proposed to the members on Loomio.',
    },
  },
  status: statusWording('enquiry'),
} satisfies FormDescription;
