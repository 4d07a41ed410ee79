import { BrowserScript } from '@/components/browser-script';
import { checkboxFields, formFields, legalFormOptions, type FormField } from '@/lib/enquiries/fields';
import { honeypotField, type EnquiryField } from '@/lib/enquiries/schema';

const inputClass =
  'mt-1 block w-full rounded border border-muted bg-white px-3 py-2 aria-[invalid=true]:border-2 aria-[invalid=true]:border-brand';

/**
 * The join enquiry form. As sent it is a plain form post to /api/join, which answers a visitor without JavaScript
 * with the thanks page or the form again with its errors. In the browser, join-form.browser.ts checks the same
 * schema first, then submits in place, shows errors beside their fields and moves focus to the first one.
 */
export function JoinForm() {
  return (
    <section aria-labelledby="enquiry-heading" className="mt-10 rounded border border-line bg-white p-6" data-join-form>
      <h2 id="enquiry-heading" className="text-2xl font-bold">
        Send us your enquiry
      </h2>
      <p role="status" aria-live="polite" className="mt-2 font-semibold empty:hidden" />
      <div hidden className="mt-4 space-y-2" data-join-thanks>
        <h3 tabIndex={-1} className="text-xl font-bold focus:outline-none">
          Thank you for your enquiry
        </h3>
        <p>
          We have received it and sent a copy to your email address. Members of the network will read it and reply to
          you; your membership is then proposed to the members on Loomio.
        </p>
      </div>
      <form method="post" action="/api/join" noValidate className="mt-4 space-y-5">
        <div aria-hidden="true" className="absolute -left-[9999px]">
          <label htmlFor={honeypotField}>Fax (leave empty)</label>
          <input id={honeypotField} name={honeypotField} tabIndex={-1} autoComplete="off" />
        </div>
        {formFields.map((field) => (
          <div key={field.name}>
            <label htmlFor={field.name} className="block font-semibold">
              {field.label}
            </label>
            {field.hint && (
              <p id={`${field.name}-hint`} className="text-sm text-muted">
                {field.hint}
              </p>
            )}
            <FieldError name={field.name} />
            <Control field={field} />
          </div>
        ))}
        <fieldset className="space-y-3 rounded border border-line p-4">
          <legend className="px-1 font-semibold">Eligibility and consent</legend>
          {checkboxFields.map(([name, label]) => (
            <div key={name}>
              <FieldError name={name} />
              <div className="flex items-start gap-3">
                <input
                  type="checkbox"
                  id={name}
                  name={name}
                  required
                  className="mt-1 size-5 shrink-0 accent-brand-dark"
                />
                <label htmlFor={name}>{label}</label>
              </div>
            </div>
          ))}
        </fieldset>
        <button
          type="submit"
          className="rounded bg-brand-dark px-6 py-3 font-semibold text-white hover:bg-brand disabled:opacity-70"
        >
          Send enquiry
        </button>
      </form>
      <BrowserScript name="join-form" />
    </section>
  );
}

/** Where the browser script puts a field's errors; empty and hidden until then. */
function FieldError({ name }: { name: EnquiryField }) {
  return <p id={`${name}-error`} hidden className="mt-1 font-semibold text-brand-dark" />;
}

function Control({ field }: { field: FormField }) {
  const props = {
    id: field.name,
    name: field.name,
    required: field.required,
    'aria-describedby': field.hint ? `${field.name}-hint` : undefined,
    className: inputClass,
  };
  if (field.type === 'textarea') return <textarea {...props} rows={6} />;
  if (field.type === 'select') {
    return (
      <select {...props} defaultValue="">
        <option value="">Choose…</option>
        {legalFormOptions.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    );
  }
  return <input {...props} type={field.type} autoComplete={field.autoComplete} />;
}
