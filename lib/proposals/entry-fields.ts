import type { coopSchema } from '@/lib/content/schema';

// What the entry form and the server share about its fields, as plain data: the form (a client component) reads
// this module, and the rules that check what it sends (lib/proposals/entry.ts, with zod) stay on the server.

/**
 * The public fields of a co-op's entry that its own people may propose changes to, checked by rules derived from
 * `coopSchema` (lib/content/schema.ts), the one schema the content build and the CMS read: no second copy of the
 * rules. `member` stays with the network's editors; the logo is a file, checked by lib/content/logo.ts.
 */
export const editableFields = [
  'name',
  'website',
  'email',
  'showEmail',
  'town',
  'latitude',
  'longitude',
  'workerMembers',
  'services',
  'technologies',
] as const satisfies readonly (keyof typeof coopSchema.fields)[];
export type EditableField = (typeof editableFields)[number];

/**
 * The value that a form sends with each tick box and list of tick boxes, besides the boxes: an unticked box sends
 * nothing, which would read as a field the form does not have. With it, a form that has the field always sends its
 * name (components/coops/entry-form.tsx renders it from here).
 */
export const presentMarker = '';

/** The note saying why, which goes into the merge request: how long it may be. */
export const reasonField = { name: 'reason', label: 'Why', maxLength: 1000 } as const;
