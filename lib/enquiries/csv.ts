import type { Forwarding } from '@/lib/audit';
import { enquiryKindList } from '@/lib/enquiry-kinds';
import type { FieldSpec } from '@/lib/enquiry-kinds/field';
import { formatReceived } from '@/lib/format';
import { inWords, type DetailContext } from './details';
import { kindLabels, statusLabel } from './labels';
import { threadText, type Note } from './notes';
import type { StoredEnquiry } from './store';

/** What the CSV shows besides the rows: the directory's names, and each enquiry's notes and forwardings. */
export type CsvContext = DetailContext & {
  notes: ReadonlyMap<string, readonly Note[]>;
  forwardings: ReadonlyMap<string, readonly Forwarding[]>;
};

type CsvColumn = { header: string; value: (enquiry: StoredEnquiry, context: CsvContext) => string };

/** The fields members are shown, by their column's header: fields of two kinds with one header share it. */
function fieldColumns(): CsvColumn[] {
  const byHeader = new Map<string, FieldSpec[]>();
  for (const kind of enquiryKindList) {
    for (const field of kind.fields as readonly FieldSpec[]) {
      if (!field.column || !field.shown) continue;
      const header = field.shown.csv ?? field.shown.label;
      const fields = byHeader.get(header) ?? [];
      // One field kept by two kinds (the contact's email) is one column, read once.
      if (!fields.some(({ name }) => name === field.name)) byHeader.set(header, [...fields, field]);
    }
  }
  return [...byHeader].map(([header, fields]) => ({
    header,
    value: (enquiry, context) => {
      const kind = enquiryKindList.find((described) => described.kind === enquiry.kind);
      const field = fields.find(({ name }) => kind?.fields.some((own) => own.name === name));
      if (!field?.shown) return '';
      const value = enquiry[field.name as keyof StoredEnquiry];
      return inWords(value, field.shown.as, field.options ?? {}, context, '');
    },
  }));
}

/**
 * The CSV's columns, as people read them: the labels the admin page shows, values in words (an option's label, a
 * service's or co-op's name, a date), one column per label (the co-op of a join enquiry and the co-op a brief
 * names share "Co-op"), then where the enquiry was forwarded and its notes, each as one cell. Made from the kinds'
 * descriptions, so a new field or kind has its column.
 */
export const csvColumns: readonly CsvColumn[] = [
  { header: 'Reference', value: (enquiry) => enquiry.reference },
  { header: 'Kind', value: (enquiry) => kindLabels[enquiry.kind] ?? enquiry.kind },
  { header: 'Received', value: (enquiry) => formatReceived(enquiry.createdAt) },
  { header: 'Status', value: (enquiry) => statusLabel(enquiry.status) },
  ...fieldColumns(),
  {
    header: 'Forwarded to',
    value: (enquiry, context) =>
      (context.forwardings.get(enquiry.id) ?? [])
        .map((forwarding) => {
          const name = context.coopNames.get(forwarding.coop) ?? forwarding.coop;
          return `${name} (${formatReceived(forwarding.at)}${forwarding.byName ? `, by ${forwarding.byName}` : ''})`;
        })
        .join('; '),
  },
  { header: 'Notes', value: (enquiry, context) => threadText(context.notes.get(enquiry.id) ?? []) },
];

/** The triage list as rows of cells, the header first (lib/admin/csv.ts writes them out safely). */
export function enquiryTable(enquiries: readonly StoredEnquiry[], context: CsvContext): string[][] {
  return [
    csvColumns.map((column) => column.header),
    ...enquiries.map((enquiry) => csvColumns.map((column) => column.value(enquiry, context))),
  ];
}
