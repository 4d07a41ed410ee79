import { budgets, timescales, type BriefField } from './brief-schema';
import { statusWording, type FormDescription, type FormField } from './form';

type BriefFormField = FormField & { name: BriefField };

/** The brief form on /hire: a client asking the network's co-ops for work. */
export const briefForm = {
  kind: 'brief',
  action: '/api/briefs',
  fields: [
    { name: 'organisation', label: 'Organisation', type: 'text', required: true, autoComplete: 'organization' },
    { name: 'contactName', label: 'Contact name', type: 'text', required: true, autoComplete: 'name' },
    { name: 'email', label: 'Email', type: 'email', required: true, autoComplete: 'email' },
    {
      name: 'description',
      label: 'What do you need?',
      hint: 'The project, who it is for and what a good result looks like',
      type: 'textarea',
      required: true,
    },
    { name: 'services', label: 'Services you need', hint: 'Choose one or more', type: 'choices', required: true },
    {
      name: 'technologies',
      label: 'Technologies (optional)',
      hint: 'Any you use or want, separated by commas: for example Drupal, React',
      type: 'text',
      required: false,
    },
    { name: 'budget', label: 'Budget', type: 'select', required: true, options: budgets },
    { name: 'timescale', label: 'When do you need it?', type: 'select', required: true, options: timescales },
    {
      name: 'location',
      label: 'Where are you?',
      hint: 'Town or city; leave empty if remote is fine',
      type: 'text',
      required: false,
      autoComplete: 'address-level2',
    },
    { name: 'remote', label: 'Remote is fine', type: 'checkbox', required: false },
  ] satisfies BriefFormField[],
  confirmations: [
    {
      name: 'consent',
      label: 'I agree that CoTech may store this brief and share it with member co-ops to answer it',
      type: 'checkbox',
      required: true,
    },
  ] satisfies BriefFormField[],
  copy: {
    heading: 'Send us your brief',
    checkboxLegend: 'Consent',
    submit: 'Send brief',
    thanks: {
      heading: 'Thank you for your brief',
      body: 'We have received it and sent a confirmation to your email address. Members of the network will read it and pass it to the co-ops best placed to help, who will reply to you directly.',
    },
  },
  status: statusWording('brief'),
} satisfies FormDescription;
