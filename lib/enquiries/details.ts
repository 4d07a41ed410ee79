import type { Shown } from '@/lib/enquiry-kinds/field';
import { kindOf } from '@/lib/enquiry-kinds';
import type { KindDescription } from '@/lib/enquiry-kinds/kind';

/** What shows a stored enquiry's fields needs besides the row: the directory's service and co-op names by slug. */
export type DetailContext = { serviceNames: ReadonlyMap<string, string>; coopNames: ReadonlyMap<string, string> };

export type Detail = { name: string; label: string; as: Shown['as']; value: string };

type Row = Readonly<Record<string, unknown>>;

/** One stored value in words; an empty one (left out, or erased) is `empty`: `—` where people read it. */
export function inWords(
  value: unknown,
  as: Shown['as'],
  options: Readonly<Record<string, string>>,
  context: DetailContext,
  empty = '—',
): string {
  if (value === null || value === undefined || value === '') return empty;
  if (Array.isArray(value)) {
    const names = value.map((item) => (as === 'services' ? (context.serviceNames.get(String(item)) ?? item) : item));
    return names.join(', ') || empty;
  }
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (as === 'option') return options[String(value)] ?? String(value);
  if (as === 'coop') return context.coopNames.get(String(value)) ?? String(value);
  return String(value);
}

/**
 * A stored enquiry's fields as members read them, in its description's order: the notification, a forwarded
 * brief and the admin page show these; the receipt never does.
 */
export function enquiryDetails(kind: KindDescription, row: Row, context: DetailContext): Detail[] {
  return kind.fields.flatMap((field) =>
    field.shown
      ? [
          {
            name: field.name,
            label: field.shown.label,
            as: field.shown.as,
            value: inWords(row[field.name], field.shown.as, field.options ?? {}, context),
          },
        ]
      : [],
  );
}

/** The name an enquiry goes by: its co-op's, or its client organisation's. */
export const enquiryNameOf = (kind: KindDescription, row: Row) => String(row[kind.nameField] ?? '');

/** A stored enquiry's description; the table's check allows no other kinds, so another is a bug, said loudly. */
export function kindOfEnquiry(enquiry: { id: string; kind: string }): KindDescription {
  const kind = kindOf(enquiry.kind);
  if (!kind) throw new Error(`enquiry ${enquiry.id} is of no kind the site knows (${enquiry.kind})`);
  return kind;
}
