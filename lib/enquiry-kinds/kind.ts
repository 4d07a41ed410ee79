import * as z from 'zod/mini';
import type { FieldSpec, KindContext } from './field';
import { statusWording, type FieldErrors, type FormDescription } from './form';

/** What mails say of the network; lib/site.ts gives it (this folder is also bundled for the browser). */
export type Network = { name: string; shortName: string };

/**
 * One kind of enquiry, described once: its fields (form control, validation, column, personal data, how members
 * see it), its form's wording, its statuses, its endpoint and its mails. The table (lib/db/schema.ts), the form
 * (components/enquiry-form.tsx and its browser script), storage, both mails, the admin page, the CSV and erasure
 * are derived from it, so a new kind is a new description, a migration and its page.
 */
export type KindDescription = {
  kind: string;
  /** The kind in a word, in the triage list's filter. */
  label: string;
  /** What an enquiry of this kind is, under its name on its admin page. */
  summary: string;
  /** The field that names an enquiry: in the triage list, the admin page's heading and the mail's subject. */
  nameField: string;
  /** The letter its references start with (`J-4K7Q`, lib/enquiries/reference.ts): one per kind. */
  reference: string;
  fields: readonly FieldSpec[];
  /** The checkboxes the form ends with, in one group: ticked by every stored enquiry, so not stored. */
  confirmations: readonly FieldSpec[];
  /** A check across fields; its message shows on `path`. */
  refine?: { test: (values: Readonly<Record<string, unknown>>) => boolean; error: string; path: string };
  /** Its statuses in order, with their labels; the first is a new enquiry's. */
  statuses: Readonly<Record<string, string>>;
  /** The statuses after which nothing more is expected: the retention period runs from them. */
  closedStatuses: readonly string[];
  endpoint: {
    /** Its API route is `/api/PATH` (app/api/[endpoint]/route.ts). */
    path: string;
    /** The rate limit's scope, and the setting that sets enquiries per client per 10 minutes. */
    rateLimit: string;
    rateLimitSetting: string;
  };
  /**
   * Where the kind is on the site, from which its routes, the navigation, the sitemap's fixed pages, the admin's
   * words and the privacy notice's section are derived (lib/enquiry-kinds/on-site.ts): a new kind needs no other edit.
   */
  site: {
    /** Its page: content/pages/PAGE.md at /PAGE, with the form below its text; its thanks page is /PAGE/thanks. */
    page: string;
    /**
     * What the page says between its text and the form, when the text (an editor's, kept word for word) does not
     * lead to the form itself: the join page's text says to send an email, so its note says the form sends the same.
     */
    note?: string;
    /** Its link in the site's navigation, placed after the link to `after`. */
    nav: { label: string; after: string };
    /** Whether members forward one to member co-ops, from its admin page (a brief is a lead for them). */
    forwardable: boolean;
    /** A field whose every option gets a page of its own with it chosen (/hire/web-design), prerendered. */
    optionPages?: string;
    /** Its admin page's title, the word for one in the admin's sentences, and what a stale one asks members to do. */
    admin: { title: string; noun: string; stale: string };
    /** Its section of the privacy notice: the heading, who sends the form, and what members do with it meanwhile. */
    privacy: { heading: string; sender: string; handling: string };
  };
  form: {
    noun: string;
    heading: string;
    checkboxLegend: string;
    submit: string;
    /** The thanks, in the form and on the thanks page; `next`, where the thanks page suggests going. */
    thanks: { heading: string; body: string; next?: { href: string; label: string } };
  };
  mail: {
    /** The notification's subject, before the enquiry's name. */
    subject: string;
    intro: (network: Network) => string;
    /** The words of the link to the enquiry's admin page. */
    link: string;
    /** What the receipt says besides its reference: fixed words only (see lib/enquiries/mail.ts). */
    receipt: { subject: (network: Network) => string; paragraphs: (network: Network) => string[]; noun: string };
  };
};

/** Keeps a description's literal names, so the schema's values and the table's columns are typed by it. */
export function defineKind<const K extends KindDescription>(kind: K): K {
  return kind;
}

type FieldSchema<F> = F extends { schema: infer S } ? (S extends (context: KindContext) => infer R ? R : S) : never;
type Shape<K extends KindDescription> = {
  [F in K['fields'][number] | K['confirmations'][number] as F['name']]: FieldSchema<F>;
};

/** Every field of a kind, the confirmations last. */
export const allFieldsOf = (kind: KindDescription): readonly FieldSpec[] => [...kind.fields, ...kind.confirmations];

/** The kind's schema: what the API, the form in the browser and the tests validate with. */
export function schemaOf<K extends KindDescription>(kind: K, context: KindContext) {
  const shape = Object.fromEntries(
    allFieldsOf(kind).map((field) => [
      field.name,
      typeof field.schema === 'function' ? field.schema(context) : field.schema,
    ]),
  ) as Shape<K>;
  const { refine } = kind;
  const object = z.object(shape);
  if (!refine) return object;
  // `when`: checked even while other fields are wrong, so the sender sees every message at once.
  return object.check(
    z.refine((values) => refine.test(values as Record<string, unknown>), {
      error: refine.error,
      path: [refine.path],
      when: () => true,
    }),
  );
}

export type ValuesOf<K extends KindDescription> = z.output<ReturnType<typeof schemaOf<K>>>;
export type InputOf<K extends KindDescription> = z.input<ReturnType<typeof schemaOf<K>>>;

export type Validation<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

/** Validates anything (a parsed JSON body, form values) into the kind's values or messages per field. */
export function validate<K extends KindDescription>(
  kind: K,
  input: unknown,
  context: KindContext,
): Validation<ValuesOf<K>> {
  const result = schemaOf(kind, context).safeParse(input);
  if (result.success) return { ok: true, value: result.data as ValuesOf<K> };
  return { ok: false, errors: z.flattenError(result.error).fieldErrors as FieldErrors };
}

/** Where the kind's form posts: its API route. */
export const actionOf = (kind: KindDescription): string => `/api/${kind.endpoint.path}`;

/** The kind's page, with its form. */
export const pagePathOf = (kind: KindDescription): string => `/${kind.site.page}`;

/** Where a visitor without JavaScript lands once their enquiry is stored. */
export const thanksPathOf = (kind: KindDescription): string => `/${kind.site.page}/thanks`;

/** The kind's form, as components/enquiry-form.tsx renders it and its browser script drives it. */
export function formOf(kind: KindDescription): FormDescription {
  const { form } = kind;
  return {
    kind: kind.kind,
    action: actionOf(kind),
    fields: kind.fields,
    confirmations: kind.confirmations,
    copy: { heading: form.heading, checkboxLegend: form.checkboxLegend, submit: form.submit, thanks: form.thanks },
    status: statusWording(form.noun),
  };
}
