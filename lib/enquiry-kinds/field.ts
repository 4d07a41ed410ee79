// zod/mini: the same schemas in a functional form that bundles only what is used (each form's browser script
// carries its kind's description, schema included).
import * as z from 'zod/mini';
import type { FormField } from './form';

// zod probes for `new Function` to compile faster parsers; the site's CSP forbids eval, so it must not try.
z.config({ jitless: true });

/**
 * What the server knows and the browser is given by the page, for a brief: the directory's service slugs and its
 * member co-ops' slugs (a client may name one).
 */
export type KindContext = { serviceSlugs: readonly string[]; coopSlugs: readonly string[] };

export type Schema = z.ZodMiniType;

/**
 * Where a field is kept in the `enquiries` table (lib/db/schema.ts builds the table from these). `notNull`: every
 * kind has it (a contact's name); `optional`: this kind may leave it empty. Otherwise every enquiry of the kind
 * has a value, which the table checks.
 */
export type Column = {
  name: string;
  type: 'text' | 'text[]' | 'boolean';
  notNull?: true;
  optional?: true;
  /** What the privacy notice says is kept, in its list of what a form stores: "your email address". */
  stored: string;
};

/**
 * How members see a field: in the notification mail, a forwarded brief, the admin page and the CSV (whose column
 * is headed by the label, or by `csv`: fields of different kinds with one `csv` share one column, such as the
 * join enquiry's co-op and the co-op a brief names). `long` text keeps its line breaks; `option` shows the option's label;
 * `services` the directory's service names; `coop` the directory's name for a co-op's slug.
 */
export type Shown = {
  label: string;
  as: 'text' | 'long' | 'email' | 'phone' | 'link' | 'option' | 'list' | 'services' | 'coop' | 'yes-no';
  csv?: string;
};

/**
 * A list of the directory's a field's options come from (a `choices` or `select` field): the page renders them, and
 * the server and the form's script check against the same list, under its name in `KindContext`.
 */
export type DirectoryList = 'services' | 'coops';
export const contextOf: Readonly<Record<DirectoryList, keyof KindContext>> = {
  services: 'serviceSlugs',
  coops: 'coopSlugs',
};

/** One field of an enquiry kind, described once: its form control, validation, column, and how it shows. */
export type FieldSpec = FormField & {
  schema: Schema | ((context: KindContext) => Schema);
  /** Where its options come from, when the directory gives them. */
  optionsFrom?: DirectoryList;
  /**
   * The query parameter that chooses an option when a link asks for it (`/hire?coop=SLUG`), read by the form's
   * script; with `optionPages`, each option also has a prerendered page with it chosen, for visitors without it.
   */
  prefill?: string;
  /** Absent: checked, never stored (a confirmation every stored enquiry has ticked). */
  column?: Column;
  /** Personal data: blanked when the enquiry is erased or its retention ends. */
  personal?: true;
  /** Absent: members are not shown it (a confirmation). */
  shown?: Shown;
};

/** A blank answer to an optional field is no answer: left out, not an empty string. */
export const blankAsAbsent = () =>
  z.transform((value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value));

export const under = (max: number) => z.maxLength(max, { error: `Please keep this under ${max} characters` });

export const text = (max: number, required: string) =>
  z.string({ error: required }).check(z.trim(), z.minLength(1, { error: required }), under(max));

/** An optional text: empty is left out. */
export const optionalText = (max: number, message: string) =>
  z.pipe(blankAsAbsent(), z.optional(z.string({ error: message }).check(z.trim(), under(max))));

/** `https://coops.tech@evil.example` goes to evil.example: a link that says one site and opens another. */
const noCredentials = z.refine<string>(
  (value: string) => {
    const { username, password } = new URL(value);
    return username === '' && password === '';
  },
  { error: 'Enter the address without a user name or password (nothing before an @)' },
);

export const webAddress = (message: string) =>
  z.pipe(
    blankAsAbsent(),
    z.optional(
      // `abort`: the later checks run only on a valid URL (noCredentials parses it).
      z
        .url({ protocol: /^https?$/, hostname: z.regexes.domain, error: message, abort: true })
        .check(under(500), noCredentials),
    ),
  );

/** A ticked checkbox arrives as `on` from a form and `true` from JSON; anything else is not ticked. */
export const isTicked = (value: unknown) => value === true || value === 'on' || value === 'true';

export const ticked = (message: string) => z.pipe(z.transform(isTicked), z.literal(true, { error: message }));

/** A confirmation the sender must tick: checked, not stored, not shown. */
export const confirmation = <const N extends string>(name: N, label: string, message: string) =>
  ({ name, label, type: 'checkbox', required: true, schema: ticked(message) }) as const;

/** Who to write back to: the fields every kind of enquiry asks for, in its form's order. */
export const contactName = {
  name: 'contactName',
  label: 'Contact name',
  type: 'text',
  required: true,
  autoComplete: 'name',
  schema: text(200, 'Enter the name of the person we should contact'),
  column: { name: 'contact_name', type: 'text', notNull: true, stored: 'your name' },
  personal: true,
  shown: { label: 'Contact', as: 'text' },
} as const satisfies FieldSpec;

export const email = {
  name: 'email',
  label: 'Email',
  type: 'email',
  required: true,
  autoComplete: 'email',
  schema: z.pipe(
    z.string({ error: 'Enter an email address' }).check(z.trim()),
    z.email({ error: 'Enter an email address like name@example.coop' }).check(under(254)),
  ),
  column: { name: 'email', type: 'text', notNull: true, stored: 'your email address' },
  personal: true,
  shown: { label: 'Email', as: 'email' },
} as const satisfies FieldSpec;

/**
 * For people who would rather be called. Optional; digits, spaces and `+ ( ) - .` with at least 7 digits, a
 * number someone can dial written as people write it. Personal data, so erasure blanks it; members see it, the
 * receipt never does (it carries nothing the sender typed).
 */
export const phone = {
  name: 'phone',
  label: 'Phone (optional)',
  hint: 'If you would rather we called you',
  type: 'tel',
  required: false,
  autoComplete: 'tel',
  // Optional outside as well: a JSON body may leave the key out.
  schema: z.optional(
    z.pipe(
      blankAsAbsent(),
      z.optional(
        z.string({ error: 'Enter your phone number as text' }).check(
          z.trim(),
          under(40),
          z.regex(/^\+?[\d\s().-]+$/, { error: 'Enter a phone number using digits, spaces and + ( ) - . only' }),
          z.refine((value) => value.replace(/\D/g, '').length >= 7, {
            error: 'Enter a phone number of 7 digits or more',
          }),
        ),
      ),
    ),
  ),
  column: { name: 'phone', type: 'text', optional: true, stored: 'your phone number if you give one' },
  personal: true,
  shown: { label: 'Phone', as: 'phone' },
} as const satisfies FieldSpec;
