import * as z from 'zod/mini';
import { contact, isTicked, text, ticked, under, type FieldErrors } from './schema';

/** The one definition of a client's brief: the API route, the form (in the browser too) and the tests use it. */

export const budgets = {
  'under-5k': 'Under £5,000',
  '5k-20k': '£5,000 to £20,000',
  '20k-50k': '£20,000 to £50,000',
  '50k-100k': '£50,000 to £100,000',
  'over-100k': 'Over £100,000',
  'not-sure': 'Not sure yet',
} as const;
export type Budget = keyof typeof budgets;

export const timescales = {
  'within-a-month': 'Within a month',
  '1-3-months': 'In 1 to 3 months',
  '3-6-months': 'In 3 to 6 months',
  'over-6-months': 'In more than 6 months',
  flexible: 'Flexible',
} as const;
export type Timescale = keyof typeof timescales;

const keys = <T extends string>(record: Record<T, string>) => Object.keys(record) as [T, ...T[]];

/** A form sends one value per ticked box, JSON a list; one box ticked arrives as a single string. */
const asList = (value: unknown) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** The form's one text box (`Drupal, React`) or a JSON list, as a list of names without blanks or repeats. */
const asNames = (value: unknown) => {
  const parts = typeof value === 'string' ? value.split(',') : asList(value);
  const names = parts.map((part) => (typeof part === 'string' ? part.trim() : part)).filter((part) => part !== '');
  return [...new Set(names)];
};

/**
 * A brief's schema for the services the directory has: the server passes every service slug, the browser the
 * slugs of the boxes its form shows (the same list, rendered from the content).
 */
export function briefSchema(serviceSlugs: readonly string[]) {
  const known = new Set(serviceSlugs);
  return z
    .object({
      organisation: text(200, 'Enter the name of your organisation'),
      ...contact,
      description: text(5000, 'Tell us what you need'),
      services: z.pipe(
        z.transform(asList),
        z
          .array(z.string().check(z.refine((slug) => known.has(slug), { error: 'Choose services from the list' })))
          .check(z.minLength(1, { error: 'Choose at least one service' })),
      ),
      technologies: z.pipe(
        z.transform(asNames),
        z
          .array(z.string({ error: 'Name each technology as text' }).check(under(100)))
          .check(z.maxLength(20, { error: 'Please name at most 20 technologies' })),
      ),
      budget: z.enum(keys(budgets), { error: 'Choose a budget range' }),
      timescale: z.enum(keys(timescales), { error: 'Choose when you need the work' }),
      location: z.pipe(
        z.transform((value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value)),
        z.optional(z.string({ error: 'Enter your town or city as text' }).check(z.trim(), under(200))),
      ),
      remote: z.pipe(z.transform(isTicked), z.boolean()),
      consent: ticked('We need your consent to store your brief'),
    })
    .check(
      // `when`: checked even while other fields are wrong, so the visitor sees every message at once; the values
      // may then be unparsed, hence the plain tests.
      z.refine((brief) => isTicked(brief.remote) || (typeof brief.location === 'string' && brief.location !== ''), {
        error: 'Enter your town or city, or tick “Remote is fine”',
        path: ['location'],
        when: () => true,
      }),
    );
}

export type BriefSchema = ReturnType<typeof briefSchema>;
export type BriefInput = z.input<BriefSchema>;
export type Brief = z.output<BriefSchema>;
export type BriefField = keyof Brief;

export type BriefValidation = { ok: true; brief: Brief } | { ok: false; errors: FieldErrors };

/** Validates anything (a parsed JSON body, form values) into a brief or messages per field. */
export function validateBrief(input: unknown, serviceSlugs: readonly string[]): BriefValidation {
  const result = briefSchema(serviceSlugs).safeParse(input);
  if (result.success) return { ok: true, brief: result.data };
  return { ok: false, errors: z.flattenError(result.error).fieldErrors as FieldErrors };
}
