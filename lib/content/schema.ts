// The content's fields, declared once. contentlayer.config.ts makes its document types from them and the CMS
// (lib/cms/collections.ts) its collections, so an editor is held to the rules the build enforces. Plain data without
// imports: the content build, the server and the CMS's browser script all read it.

/** The folders under content/, one per document type; the CMS names its collections after them. */
export type Folder = 'pages' | 'coops' | 'services' | 'technologies' | 'work';

type Common = {
  label: string;
  description?: string;
  required?: boolean;
  /** false for front matter the site keeps but editors need not see: the CMS leaves it in the file untouched. */
  inCms?: false;
};

export type Field = Common &
  (
    | { type: 'string'; format?: 'url' | 'email' | 'logo' | 'long' }
    /** One of `options`' keys, each shown by its label; the build refuses any other value, and a missing one. */
    | { type: 'choice'; options: Readonly<Record<string, string>> }
    | { type: 'boolean'; default: boolean }
    | { type: 'number'; integer?: boolean; min?: number; max?: number }
    | { type: 'date' }
    /** `references` names the folder whose files' slugs the list holds: the CMS offers those, never free text. */
    | { type: 'list'; references?: Folder; format?: 'url' }
    | { type: 'nested'; name: string; fields: Fields }
  );

export type Fields = Readonly<Record<string, Field>>;

export type DocumentSchema = {
  folder: Folder;
  label: string;
  singular: string;
  /** The field that names a document: the CMS lists documents by it and makes new file names from it. */
  identifier: string;
  fields: Fields;
};

/** Where a co-op's logo lives, as a site path (lib/content/logo.ts checks the file itself). */
export const logoFolder = '/images/coops';

export const pageSchema = {
  folder: 'pages',
  label: 'Pages',
  singular: 'Page',
  identifier: 'title',
  fields: {
    title: { type: 'string', label: 'Title', required: true },
    heading: { type: 'string', label: 'Heading', description: 'Shown as the page heading; defaults to the title.' },
    description: {
      type: 'string',
      format: 'long',
      label: 'Description',
      description: 'For search results and link previews; defaults to the first paragraph.',
    },
    date: {
      type: 'date',
      label: 'Date',
      description: 'When the page last changed, for the sitemap; pages do not show it.',
    },
    // Kept from the pages' Jekyll front matter so they stay word for word; the site does not use them (no page
    // shows tags: components/markdown-page.tsx).
    tags: { type: 'list', label: 'Tags', inCms: false },
    layout: { type: 'string', label: 'Layout', inCms: false },
    comments: { type: 'boolean', label: 'Comments', default: false, inCms: false },
  },
} as const satisfies DocumentSchema;

export const coopSchema = {
  folder: 'coops',
  label: 'Co-ops',
  singular: 'Co-op',
  identifier: 'name',
  fields: {
    name: { type: 'string', label: 'Name', required: true },
    member: {
      type: 'boolean',
      label: 'Member of the network',
      default: true,
      required: true,
      description: 'Off (false) for a co-op that has left the network: its page stays, but not in the directory.',
    },
    website: { type: 'string', format: 'url', label: 'Website' },
    email: {
      type: 'string',
      format: 'email',
      label: 'Email for client briefs',
      description:
        'Where the network forwards client briefs for this co-op. Private unless "Show the email" is on; without it, briefs go to the network address.',
    },
    showEmail: {
      type: 'boolean',
      label: 'Show the email',
      default: false,
      description: 'On to show the email address on the co-op page; by default it is used only to forward briefs.',
    },
    town: { type: 'string', label: 'Town' },
    latitude: { type: 'number', label: 'Latitude', min: -90, max: 90 },
    longitude: { type: 'number', label: 'Longitude', min: -180, max: 180 },
    workerMembers: { type: 'number', label: 'Worker members', integer: true, min: 1 },
    services: {
      type: 'list',
      references: 'services',
      label: 'Services',
      description: 'Slugs of files in content/services/.',
    },
    technologies: {
      type: 'list',
      references: 'technologies',
      label: 'Technologies',
      description: 'Slugs of files in content/technologies/.',
    },
    logo: {
      type: 'string',
      format: 'logo',
      label: 'Logo',
      description: `A path to an SVG or PNG file under public${logoFolder}/, such as ${logoFolder}/outlandish.svg.`,
    },
    logoOnDark: {
      type: 'boolean',
      label: 'Show the logo on a dark tile',
      default: false,
      description:
        'On for a light logo, such as white on transparent, which would vanish on the white page: the page and the cards show it on a dark tile.',
    },
    joined: {
      type: 'date',
      label: 'Joined',
      description: 'When the members approved the co-op joining the network (set by the site when they do).',
    },
    confirmed: {
      type: 'date',
      label: 'Confirmed',
      description:
        'When the co-op last said this entry is right. Its people are asked to review it 12 months on; past 24 months its page says when it was last confirmed.',
    },
  },
} as const satisfies DocumentSchema;

/**
 * A co-op's description is its file's Markdown body, not a front matter field. Its people edit it in the account
 * area, where a proposal names it `description` and the Git worker writes it as the body (lib/proposals/change.ts).
 */
export const descriptionField = { name: 'description', label: 'Description', maxLength: 5000 } as const;

/**
 * The groups services are offered in, on the brief form: each service's `group` names one, by its key here, which
 * is the groups' one home (the build refuses a service without a known group, and the CMS offers these). Groups
 * that people recognise from what they want done, not the trade's own words.
 */
export const serviceGroups = {
  build: 'Websites, apps and software',
  design: 'Design, content and media',
  data: 'Data',
  hosting: 'Hosting and support',
  strategy: 'Strategy, research and training',
  marketing: 'Marketing and communities',
  print: 'Print and display',
} as const;
export type ServiceGroup = keyof typeof serviceGroups;

export const serviceSchema = {
  folder: 'services',
  label: 'Services',
  singular: 'Service',
  identifier: 'name',
  fields: {
    name: { type: 'string', label: 'Name', required: true },
    group: {
      type: 'choice',
      options: serviceGroups,
      label: 'Group',
      required: true,
      description: 'Where the brief form lists the service, among services like it.',
    },
  },
} as const satisfies DocumentSchema;

export const technologySchema = {
  folder: 'technologies',
  label: 'Technologies',
  singular: 'Technology',
  identifier: 'name',
  fields: { name: { type: 'string', label: 'Name', required: true } },
} as const satisfies DocumentSchema;

// Width and height are given, not measured: a page must reserve the image's space before it loads, and an image on
// another host cannot be read at build time (nothing is downloaded then).
const caseStudyImageFields = {
  src: {
    type: 'string',
    label: 'Address',
    required: true,
    description: 'A path to a file under public/ (`/images/work/nook.png`) or an https URL.',
  },
  alt: {
    type: 'string',
    label: 'Text alternative',
    required: true,
    description: 'What the image shows, for those who cannot see it.',
  },
  width: { type: 'number', label: 'Width', integer: true, min: 1, required: true },
  height: { type: 'number', label: 'Height', integer: true, min: 1, required: true },
} as const satisfies Fields;

export const caseStudySchema = {
  folder: 'work',
  label: 'Our work',
  singular: 'Case study',
  identifier: 'project',
  fields: {
    client: { type: 'string', label: 'Client', required: true },
    project: {
      type: 'string',
      label: 'Project',
      required: true,
      description: 'The project, which is the page title.',
    },
    coops: {
      type: 'list',
      references: 'coops',
      label: 'Co-ops',
      required: true,
      description: 'Slugs of files in content/coops/: the co-ops that did the work, at least one.',
    },
    services: {
      type: 'list',
      references: 'services',
      label: 'Services',
      description: 'Slugs of files in content/services/.',
    },
    links: {
      type: 'list',
      format: 'url',
      label: 'Links',
      description: 'http(s) URLs: the project, or its write-up.',
    },
    image: { type: 'nested', name: 'CaseStudyImage', label: 'Image', fields: caseStudyImageFields },
  },
} as const satisfies DocumentSchema;

/** Every document type, in the order the CMS lists them. */
export const documentSchemas: readonly DocumentSchema[] = [
  pageSchema,
  coopSchema,
  caseStudySchema,
  serviceSchema,
  technologySchema,
];
