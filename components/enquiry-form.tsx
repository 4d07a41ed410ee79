import type { ReactNode } from 'react';
import { BrowserScript } from '@/components/browser-script';
import { ReferenceLine } from '@/components/thanks-page';
import {
  allFields,
  describedBy,
  errorId,
  hintId,
  sharedCopy,
  type FormDescription,
  type FormField,
} from '@/lib/enquiry-kinds/form';
import type { EnquiryKind } from '@/lib/enquiry-kinds';
import type { Problem } from '@/lib/http/problem';
import { isTicked } from '@/lib/enquiry-kinds/field';
import { honeypotField, type FieldErrors, type FormState } from '@/lib/enquiry-kinds/form';

/**
 * The options of the form's `choices` fields and of its `select` fields without options of their own, by field
 * name, as the page knows them (from the content); a `choices` field's options may have groups, shown in order.
 */
export type Choices = Readonly<Record<string, readonly { value: string; label: string; group?: string }[]>>;

type Props = {
  form: FormDescription;
  state?: FormState;
  choices?: Choices;
  /** Values to start with, before the visitor types anything (a service chosen on the page that linked here). */
  initial?: Readonly<Record<string, unknown>>;
  /** What the thanks in place shows below its words and the reference, for the browser script to fill. */
  thanksExtra?: ReactNode;
};

const inputClass =
  'mt-1 block w-full rounded border border-muted bg-white px-3 py-2 aria-[invalid=true]:border-2 aria-[invalid=true]:border-brand';

/**
 * An enquiry form (join, brief), the one rendering of its description in lib/enquiry-kinds/. As sent it is a plain
 * form post to its API; a visitor without JavaScript gets the thanks page, or this form again
 * (components/http-error-page.tsx) with `state`: the problem, each message beside its field and every value kept. In
 * the browser, the `<KIND-form>` element (KIND-form.browser.ts) checks the same schema first, then submits in place
 * and shows the same errors itself.
 */
export function EnquiryForm({ form, state, choices = {}, initial = {}, thanksExtra }: Props) {
  const errors: FieldErrors = state?.problem.errors ?? {};
  const fieldProps = { errors, values: state?.values ?? initial, choices };
  // Each kind's element is declared for JSX in custom-elements.d.ts, with the class its browser script defines.
  const Element = `${form.kind}-form` as `${EnquiryKind}-form`;
  const headingId = `${form.kind}-heading`;
  return (
    <Element className="mt-10 block">
      <section aria-labelledby={headingId} className="rounded border border-line bg-white p-4 sm:p-6">
        <h2 id={headingId} className="text-2xl font-bold">
          {form.copy.heading}
        </h2>
        <ProblemSummary form={form} problem={state?.problem} />
        <p role="status" aria-live="polite" className="mt-2 font-semibold empty:hidden" />
        <div hidden className="mt-4 space-y-2" data-thanks>
          <h3 tabIndex={-1} className="text-xl font-bold focus:outline-none">
            {form.copy.thanks.heading}
          </h3>
          <p>{form.copy.thanks.body}</p>
          {/* Filled with the reference the answer gives, as the thanks page without JavaScript shows it. */}
          <ReferenceLine />
          {thanksExtra}
        </div>
        <form method="post" action={form.action} noValidate className="mt-4 space-y-4 sm:space-y-5">
          <div aria-hidden="true" className="absolute -left-[9999px]" data-honeypot>
            <label htmlFor={honeypotField}>{sharedCopy.honeypotLabel}</label>
            <input id={honeypotField} name={honeypotField} tabIndex={-1} autoComplete="off" />
          </div>
          {form.fields.map((field) => (
            <Field key={field.name} field={field} {...fieldProps} />
          ))}
          <fieldset className="space-y-3 rounded border border-line p-3 sm:p-4">
            <legend className="px-1 font-semibold">{form.copy.checkboxLegend}</legend>
            {form.confirmations.map((field) => (
              <Field key={field.name} field={field} {...fieldProps} />
            ))}
          </fieldset>
          <p className="text-sm">
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- the form is also rendered to a string for the no-JS error page (components/http-error-page.tsx), where next/link cannot render. */}
            What we keep, why, for how long and how to have it erased: <a href="/privacy">our privacy notice</a>.
          </p>
          <button
            type="submit"
            className="rounded bg-brand-dark px-6 py-3 font-semibold text-white hover:bg-brand disabled:opacity-70"
          >
            {form.copy.submit}
          </button>
        </form>
      </section>
      <BrowserScript name={Element} />
    </Element>
  );
}

/**
 * What went wrong with a form post, and a link to each field that needs correcting: at the top of the form, where
 * focus goes. Rendered hidden and empty when the post has not failed; the browser script fills and shows the same
 * element when its own check or the server refuses the form, so visitors with and without JavaScript get one summary.
 */
function ProblemSummary({ form, problem }: { form: FormDescription; problem?: Problem }) {
  const invalid = allFields(form).filter((field) => problem?.errors?.[field.name]);
  return (
    <div
      role="alert"
      tabIndex={-1}
      hidden={!problem}
      data-summary
      className="mt-4 border-l-4 border-brand bg-brand-light px-4 py-2 focus:outline-2 focus:outline-brand-dark"
    >
      <p>{problem?.detail}</p>
      <ul hidden={invalid.length === 0} className="mt-2 list-disc pl-5">
        {invalid.map((field) => (
          <li key={field.name}>
            <a href={`#${field.name}`}>{problem?.errors?.[field.name]?.[0]}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A field's error messages; hidden and empty until it has some, when the browser script may fill it too. */
function FieldError({ field, errors }: { field: FormField; errors: FieldErrors }) {
  const messages = errors[field.name];
  return (
    <p id={errorId(field.name)} hidden={!messages} className="mt-1 font-semibold text-brand-dark">
      {messages?.join(' ')}
    </p>
  );
}

function Hint({ field }: { field: FormField }) {
  return field.hint ? (
    <p id={hintId(field.name)} className="text-sm text-muted">
      {field.hint}
    </p>
  ) : null;
}

type FieldProps = {
  field: FormField;
  errors: FieldErrors;
  values: Readonly<Record<string, unknown>>;
  choices: Choices;
};

function Field(props: FieldProps) {
  const { field, errors } = props;
  if (field.type === 'choices') return <ChoicesField {...props} />;
  if (field.type === 'checkbox') {
    return (
      <div>
        <FieldError field={field} errors={errors} />
        <div className="flex items-start gap-3">
          <Control {...props} />
          <label htmlFor={field.name}>{field.label}</label>
        </div>
      </div>
    );
  }
  return (
    <div>
      <label htmlFor={field.name} className="block font-semibold">
        {field.label}
      </label>
      <Hint field={field} />
      <FieldError field={field} errors={errors} />
      <Control {...props} />
    </div>
  );
}

/**
 * A group of checkboxes, one value per ticked box. The group carries the field's id (what the error summary links
 * to), its description and its invalid state; each box is labelled by its option. Options with groups (the brief's
 * services) are in a group of their own each, under its heading, in the order given; all of them are shown, with or
 * without JavaScript.
 */
function ChoicesField({ field, errors, values, choices }: FieldProps) {
  const invalid = Boolean(errors[field.name]);
  const value = values[field.name];
  const ticked = new Set(Array.isArray(value) ? value : typeof value === 'string' ? [value] : []);
  const groups: { label?: string; options: Choices[string][number][] }[] = [];
  for (const option of choices[field.name] ?? []) {
    const last = groups.at(-1);
    if (last && last.label === option.group) last.options.push(option);
    else groups.push({ label: option.group, options: [option] });
  }
  // Each box as wide as its label, the boxes flowing in rows: most services are a word or two, so a row holds
  // two or three on a phone, where a grid of columns would wrap the longer names over several lines.
  const boxes = (options: readonly Choices[string][number][]) => (
    <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1.5 text-sm sm:text-base">
      {options.map((option) => {
        const id = `${field.name}-${option.value}`;
        return (
          <div key={option.value} className="flex items-start gap-1.5">
            <input
              type="checkbox"
              id={id}
              name={field.name}
              value={option.value}
              defaultChecked={ticked.has(option.value)}
              className="size-5 shrink-0 accent-brand-dark"
            />
            <label htmlFor={id} className="leading-5">
              {option.label}
            </label>
          </div>
        );
      })}
    </div>
  );
  return (
    <fieldset
      id={field.name}
      aria-describedby={describedBy(field, invalid)}
      aria-invalid={invalid || undefined}
      className="rounded border border-line p-3 sm:p-4 aria-[invalid=true]:border-2 aria-[invalid=true]:border-brand"
    >
      <legend className="px-1 font-semibold">{field.label}</legend>
      <Hint field={field} />
      <FieldError field={field} errors={errors} />
      {groups.map((group) =>
        group.label ? (
          <fieldset key={group.label} className="mt-2">
            <legend className="text-sm font-semibold sm:text-base">{group.label}</legend>
            {boxes(group.options)}
          </fieldset>
        ) : (
          <div key="" className="mt-2">
            {boxes(group.options)}
          </div>
        ),
      )}
    </fieldset>
  );
}

/** A select's options: its own, or else the ones the page gives. */
function optionsOf(field: FormField, choices: Choices): readonly { value: string; label: string }[] {
  if (field.options) return Object.entries(field.options).map(([value, label]) => ({ value, label }));
  return choices[field.name] ?? [];
}

function Control({ field, errors, values, choices }: FieldProps) {
  const invalid = Boolean(errors[field.name]);
  const value = values[field.name];
  const text = typeof value === 'string' ? value : undefined;
  const props = {
    id: field.name,
    name: field.name,
    required: field.required,
    'aria-describedby': describedBy(field, invalid),
    'aria-invalid': invalid || undefined,
  };
  switch (field.type) {
    case 'checkbox':
      return (
        <input
          type="checkbox"
          {...props}
          defaultChecked={isTicked(value)}
          className="mt-1 size-5 shrink-0 accent-brand-dark"
        />
      );
    case 'textarea':
      return <textarea {...props} defaultValue={text} rows={4} className={inputClass} />;
    case 'select':
      return (
        <select {...props} defaultValue={text ?? ''} className={inputClass}>
          <option value="">{sharedCopy.choose}</option>
          {optionsOf(field, choices).map(({ value: option, label }) => (
            <option key={option} value={option}>
              {label}
            </option>
          ))}
        </select>
      );
    default:
      return (
        <input
          {...props}
          type={field.type}
          defaultValue={text}
          autoComplete={field.autoComplete}
          className={inputClass}
        />
      );
  }
}
