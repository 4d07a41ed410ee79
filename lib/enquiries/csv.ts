import { enquiryKindList } from '@/lib/enquiry-kinds';
import type { FieldSpec } from '@/lib/enquiry-kinds/field';
import type { StoredEnquiry } from './store';

type CsvColumn = { header: string; value: (enquiry: StoredEnquiry) => string };

const cell = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
};

/**
 * The CSV's columns: the enquiry's own, then every stored field that members are shown, each column once (a field
 * two kinds keep in one column, such as the contact's email, is one column), as the values are stored; a column only
 * another kind has is empty. Made from the kinds' descriptions, so a new field or kind has its column.
 */
export const csvColumns: readonly CsvColumn[] = [
  { header: 'id', value: (enquiry) => enquiry.id },
  { header: 'reference', value: (enquiry) => enquiry.reference },
  { header: 'kind', value: (enquiry) => enquiry.kind },
  { header: 'received', value: (enquiry) => enquiry.createdAt.toISOString() },
  { header: 'status', value: (enquiry) => enquiry.status },
  ...enquiryKindList
    .flatMap((kind) => kind.fields as readonly FieldSpec[])
    .filter(
      (field, index, all) => field.column && field.shown && all.findIndex(({ name }) => name === field.name) === index,
    )
    .map((field): CsvColumn => ({
      header: field.shown?.csv ?? field.shown?.label.toLowerCase() ?? field.name,
      value: (enquiry) => cell(enquiry[field.name as keyof StoredEnquiry]),
    })),
  { header: 'note', value: (enquiry) => enquiry.note },
];

/** The triage list as rows of cells, the header first (lib/admin/csv.ts writes them out safely). */
export function enquiryTable(enquiries: readonly StoredEnquiry[]): string[][] {
  return [csvColumns.map((column) => column.header), ...enquiries.map((e) => csvColumns.map((c) => c.value(e)))];
}
