import { BrowserScript } from '@/components/browser-script';
import { describedBy, errorId, formCopy, formFields, hintId, type FormField } from '@/lib/enquiries/form';
import type { Problem } from '@/lib/enquiries/problem';
import { honeypotField, isTicked, legalForms, type FieldErrors } from '@/lib/enquiries/schema';

/** A form post that failed: what went wrong, and everything the visitor sent, to fill the form in again. */
export type JoinFormState = { problem: Problem; values: Readonly<Record<string, unknown>> };

const inputClass =
  'mt-1 block w-full rounded border border-muted bg-white px-3 py-2 aria-[invalid=true]:border-2 aria-[invalid=true]:border-brand';

/**
 * The join enquiry form, the one rendering of lib/enquiries/form.ts. As sent it is a plain form post to /api/join;
 * a visitor without JavaScript gets the thanks page, or this form again (lib/enquiries/form-page.tsx) with `state`:
 * the problem, each message beside its field and every value kept. In the browser, the `<join-form>` element
 * (join-form.browser.ts) checks the same schema first, then submits in place and shows the same errors itself.
 */
export function JoinForm({ state }: { state?: JoinFormState }) {
  const errors: FieldErrors = state?.problem.errors ?? {};
  const fieldProps = { errors, values: state?.values ?? {} };
  return (
    <join-form className="mt-10 block">
      <section aria-labelledby="enquiry-heading" className="rounded border border-line bg-white p-6">
        <h2 id="enquiry-heading" className="text-2xl font-bold">
          {formCopy.heading}
        </h2>
        {state && <ProblemSummary problem={state.problem} />}
        <p role="status" aria-live="polite" className="mt-2 font-semibold empty:hidden" />
        <div hidden className="mt-4 space-y-2" data-join-thanks>
          <h3 tabIndex={-1} className="text-xl font-bold focus:outline-none">
            {formCopy.thanks.heading}
          </h3>
          <p>{formCopy.thanks.body}</p>
        </div>
        <form method="post" action="/api/join" noValidate className="mt-4 space-y-5">
          <div aria-hidden="true" className="absolute -left-[9999px]" data-honeypot>
            <label htmlFor={honeypotField}>{formCopy.honeypotLabel}</label>
            <input id={honeypotField} name={honeypotField} tabIndex={-1} autoComplete="off" />
          </div>
          {formFields
            .filter((field) => field.type !== 'checkbox')
            .map((field) => (
              <div key={field.name}>
                <label htmlFor={field.name} className="block font-semibold">
                  {field.label}
                </label>
                {field.hint && (
                  <p id={hintId(field.name)} className="text-sm text-muted">
                    {field.hint}
                  </p>
                )}
                <FieldError field={field} errors={errors} />
                <Control field={field} {...fieldProps} />
              </div>
            ))}
          <fieldset className="space-y-3 rounded border border-line p-4">
            <legend className="px-1 font-semibold">{formCopy.checkboxLegend}</legend>
            {formFields
              .filter((field) => field.type === 'checkbox')
              .map((field) => (
                <div key={field.name}>
                  <FieldError field={field} errors={errors} />
                  <div className="flex items-start gap-3">
                    <Control field={field} {...fieldProps} />
                    <label htmlFor={field.name}>{field.label}</label>
                  </div>
                </div>
              ))}
          </fieldset>
          <p className="text-sm">
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- the form is also rendered to a string for the join error page (components/join-error-page.tsx), where next/link cannot render. */}
            What we keep, why, for how long and how to have it erased: <a href="/privacy">our privacy notice</a>.
          </p>
          <button
            type="submit"
            className="rounded bg-brand-dark px-6 py-3 font-semibold text-white hover:bg-brand disabled:opacity-70"
          >
            {formCopy.submit}
          </button>
        </form>
      </section>
      <BrowserScript name="join-form" />
    </join-form>
  );
}

/** What went wrong with a form post, and a link to each field that needs correcting. */
function ProblemSummary({ problem }: { problem: Problem }) {
  const invalid = formFields.filter((field) => problem.errors?.[field.name]);
  return (
    <div role="alert" className="mt-4 border-l-4 border-brand bg-brand-light px-4 py-2">
      <p>{problem.detail}</p>
      {invalid.length > 0 && (
        <ul className="mt-2 list-disc pl-5">
          {invalid.map((field) => (
            <li key={field.name}>
              <a href={`#${field.name}`}>{problem.errors?.[field.name]?.[0]}</a>
            </li>
          ))}
        </ul>
      )}
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

type ControlProps = { field: FormField; errors: FieldErrors; values: Readonly<Record<string, unknown>> };

function Control({ field, errors, values }: ControlProps) {
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
      return <textarea {...props} defaultValue={text} rows={6} className={inputClass} />;
    case 'select':
      return (
        <select {...props} defaultValue={text ?? ''} className={inputClass}>
          <option value="">{formCopy.choose}</option>
          {Object.entries(legalForms).map(([option, label]) => (
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
