/**
 * What an enquiry form is, whatever its kind: its fields in order and all its wording, made from the kind's
 * description (kind.ts `formOf`). components/enquiry-form.tsx renders any of them (on its page, and in the answer
 * to a failed form post), the kind's browser script says its status messages, and its thanks page repeats its
 * thanks.
 */
export type FormField = {
  name: string;
  label: string;
  hint?: string;
  /**
   * `select` offers `options`; `choices` is a group of checkboxes, one value per ticked box. A `choices` field, and a
   * `select` without `options`, offers what the page gives when it renders the form (from the content, which the
   * browser script does not carry).
   */
  type: 'text' | 'email' | 'tel' | 'url' | 'select' | 'textarea' | 'checkbox' | 'choices';
  required: boolean;
  autoComplete?: string;
  options?: Readonly<Record<string, string>>;
};

export type FormStatus = {
  pending: string;
  invalid: string;
  sending: string;
  sent: string;
  refused: (detail?: string) => string;
  offline: string;
};

export type FormDescription = {
  /** The kind of enquiry; the form is wrapped in the custom element `<KIND-form>`. */
  kind: string;
  action: string;
  /** The fields in the order the form shows them. */
  fields: readonly FormField[];
  /** The checkboxes the form ends with, in one group under `copy.checkboxLegend`. */
  confirmations: readonly FormField[];
  copy: { heading: string; checkboxLegend: string; submit: string; thanks: { heading: string; body: string } };
  status: FormStatus;
};

/** Every field of a form, in order: what errors are listed and focused by. */
export const allFields = (form: FormDescription) => [...form.fields, ...form.confirmations];

/** Messages per field of a form or JSON body, by the field's name. */
export type FieldErrors = Partial<Record<string, string[]>>;

/** What went wrong with a post (lib/http/problem.ts answers with these, as JSON or as the form again). */
export type FormProblem = {
  status: number;
  title: string;
  detail: string;
  errors?: FieldErrors;
  retryAfterSeconds?: number;
};

/** A form post that failed: what went wrong, and everything the sender sent, to fill the form in again. */
export type FormState = { problem: FormProblem; values: Readonly<Record<string, unknown>> };

/** The honeypot: a field people cannot see, so only a bot fills it in. */
export const honeypotField = 'fax';

/** What every form says alike. */
export const sharedCopy = { choose: 'Choose…', honeypotLabel: 'Fax (leave empty)' } as const;

/** What a form says in the browser while it sends in place, for an enquiry called `noun` ("enquiry", "brief"). */
export function statusWording(noun: string): FormStatus {
  const notSent = `Your ${noun} was not sent`;
  return {
    pending: 'Sending…',
    invalid: `${notSent}: please correct the fields marked.`,
    sending: `Sending your ${noun}…`,
    sent: `Your ${noun} has been sent.`,
    refused: (detail = 'please try again.') => `${notSent}: ${detail}`,
    offline: `${notSent}: we could not reach the site. Check your connection and try again.`,
  };
}

/**
 * A form's values as the schemas read them, from the browser's FormData or a posted form alike: one string per
 * field, except a `choices` field, which is the list of its ticked values. Files are not enquiry values.
 */
export function formValues(
  entries: Iterable<[string, FormDataEntryValue]>,
  form: Pick<FormDescription, 'fields'>,
): Record<string, unknown> {
  const lists = new Set(form.fields.filter((field) => field.type === 'choices').map((field) => field.name));
  const values: Record<string, unknown> = {};
  for (const [name, value] of entries) {
    if (typeof value !== 'string') continue;
    if (lists.has(name)) values[name] = [...((values[name] as string[] | undefined) ?? []), value];
    else if (!(name in values)) values[name] = value;
  }
  return values;
}

/** The ids of a field's hint and of its error message. */
export const hintId = (name: string) => `${name}-hint`;
export const errorId = (name: string) => `${name}-error`;

/** What describes a field's control to assistive technology: its hint, and its error when it has one. */
export function describedBy(field: FormField, invalid: boolean): string | undefined {
  const ids = [field.hint && hintId(field.name), invalid && errorId(field.name)].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}
