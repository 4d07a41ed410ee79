import { z } from 'zod';
import { coopSchema, descriptionField, type Field } from '@/lib/content/schema';
import { unsafeLink } from '@/lib/links/address';
import { editableFields, presentMarker, type EditableField } from './entry-fields';

/**
 * An entry's editable values: the entry's own, or a submission's. In a submission a field that is not there
 * (undefined) was not in the form and stays as it is; null is a box the person emptied, which removes the field.
 */
export type EntryValues = Partial<Record<EditableField, string | number | boolean | string[] | null>> & {
  description?: string;
};

const blankIsCleared = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? null : value);

/**
 * One field's rule from its declaration; `choices` holds the slugs a list that references a folder may name. Every
 * rule takes undefined, a field the submission does not have, as no change; an emptied box is null (see
 * EntryValues), which a required field refuses.
 */
function fieldRule(field: Field, choices: readonly string[]): z.ZodType {
  switch (field.type) {
    case 'string': {
      const text = z.string().trim().max(500, `${field.label}: at most 500 characters.`);
      const rule =
        field.format === 'url'
          ? z
              .url({ protocol: /^https?$/, error: `${field.label}: give an address starting https://.` })
              .superRefine((link, context) => {
                const unsafe = unsafeLink(link);
                if (unsafe) context.addIssue({ code: 'custom', message: `${field.label}: ${unsafe}` });
              })
          : field.format === 'email'
            ? z.email(`${field.label}: give an address such as name@example.coop.`)
            : text.min(1, `${field.label}: give a value.`);
      return field.required ? rule.optional() : z.preprocess(blankIsCleared, rule.nullable().optional());
    }
    case 'boolean':
      return z.boolean().optional();
    case 'number': {
      let rule = z.number(`${field.label}: give a number.`);
      if (field.integer) rule = rule.int(`${field.label}: give a whole number.`);
      if (field.min !== undefined) rule = rule.min(field.min, `${field.label}: at least ${field.min}.`);
      if (field.max !== undefined) rule = rule.max(field.max, `${field.label}: at most ${field.max}.`);
      return z.preprocess(
        (value) => {
          const given = blankIsCleared(value);
          return typeof given === 'string' ? Number(given) : given;
        },
        (field.required ? rule : rule.nullable()).optional(),
      );
    }
    case 'list':
      return z
        .array(
          choices.length > 0
            ? z.enum(choices as [string, ...string[]], `${field.label}: choose from the list.`)
            : z.string(),
        )
        .optional();
    default:
      throw new Error(`coopSchema field of type ${field.type} cannot be edited in the account area`);
  }
}

/** The directory's lists a co-op's services and technologies are chosen from. */
export type EntryChoices = { services: readonly string[]; technologies: readonly string[] };

/** The rules for a submitted entry, from coopSchema and the directory's current lists. */
export function entrySchema(choices: EntryChoices) {
  const shape = Object.fromEntries(
    editableFields.map((name) => [
      name,
      fieldRule(coopSchema.fields[name], name === 'services' || name === 'technologies' ? choices[name] : []),
    ]),
  );
  const { label, maxLength } = descriptionField;
  // Absent when the form did not send it (no change); an empty box clears it.
  const description = z
    .string(`${label}: give it as text.`)
    .trim()
    .max(maxLength, `${label}: at most ${maxLength.toLocaleString('en-GB')} characters.`)
    .optional();
  return z.object({ ...shape, [descriptionField.name]: description });
}

const lineBreaks = (value: unknown) => (typeof value === 'string' ? value.replace(/\r\n?/g, '\n') : value);

/**
 * A form's fields as the schema reads them: lists as every value given, a tick box as whether it is ticked, the rest
 * as their one value; and undefined for each field the form does not send at all, which is no change.
 */
export function formEntry(form: FormData): Record<string, unknown> {
  return Object.fromEntries([
    ...editableFields.map((name) => {
      if (!form.has(name)) return [name, undefined];
      const field: Field = coopSchema.fields[name];
      const given = form.getAll(name).filter((value) => value !== presentMarker);
      if (field.type === 'list') return [name, given];
      if (field.type === 'boolean') return [name, given.some((value) => value === 'on' || value === 'true')];
      return [name, form.get(name)];
    }),
    // A browser sends a text area's line breaks as CRLF; the file and the build's `body.raw` have LF.
    [descriptionField.name, lineBreaks(form.get(descriptionField.name) ?? undefined)],
  ]);
}

/** Field name → the first problem with it, for the form. */
export function fieldErrors(error: z.ZodError): Partial<Record<EditableField | 'logo' | 'form', string>> {
  const errors: Partial<Record<string, string>> = {};
  for (const issue of error.issues) {
    const key = typeof issue.path[0] === 'string' ? issue.path[0] : 'form';
    errors[key] ??= issue.message;
  }
  return errors;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * A submitted list in the entry's own order: the items it keeps where they were, then the new ones. The form lists
 * its choices in the directory's order, which need not be the file's; this way adding one item adds one line to
 * the file, and a list whose items are the same is no change.
 */
function inEntryOrder(before: unknown, after: unknown): unknown {
  if (!Array.isArray(before) || !Array.isArray(after)) return after;
  return [...before.filter((item) => after.includes(item)), ...after.filter((item) => !before.includes(item))];
}

/**
 * What a proposal changes: each editable field the submission has whose value differs from the entry's, with its
 * new value, or null where a box was emptied (the worker removes that line), and the description when one was sent
 * that differs (an empty one clears the body). A field the submission does not have is never a change.
 */
export function entryChanges(current: EntryValues, submitted: EntryValues): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  const none = (value: unknown) =>
    value === undefined || value === null || (Array.isArray(value) && value.length === 0);
  for (const name of editableFields) {
    if (submitted[name] === undefined) continue;
    const before = current[name];
    const after = inEntryOrder(before, submitted[name]);
    if (none(before) && none(after)) continue;
    // A boolean left at its default reads as not set.
    const field: Field = coopSchema.fields[name];
    if (field.type === 'boolean' && (before ?? field.default) === after) continue;
    if (!same(before, after)) changes[name] = after;
  }
  const { description } = submitted;
  if (description !== undefined && description !== (current.description ?? '').trim()) {
    changes[descriptionField.name] = description;
  }
  return changes;
}

/** The values a form shows again after it was sent: what it sent, and the entry's own for each field it did not. */
export function shownValues(current: EntryValues, submitted: Record<string, unknown>): EntryValues {
  const shown: Record<string, unknown> = { ...current };
  for (const [name, value] of Object.entries(submitted)) if (value !== undefined) shown[name] = value;
  return shown as EntryValues;
}
