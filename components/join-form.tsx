'use client';

import { useEffect, useRef, useState, useTransition, type FormEvent } from 'react';
import { checkboxFields, fieldOrder, formFields, legalFormOptions, type FormField } from '@/lib/enquiries/fields';
import { honeypotField, validateEnquiry, type EnquiryField, type FieldErrors } from '@/lib/enquiries/schema';

const inputClass =
  'mt-1 block w-full rounded border border-muted bg-white px-3 py-2 aria-[invalid=true]:border-2 aria-[invalid=true]:border-brand';

/**
 * The join enquiry form. Without JavaScript it is a plain form post to /api/join; with it, it checks the same
 * schema first, then submits in place, shows errors beside their fields and moves focus to the first one.
 */
export function JoinForm() {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState('');
  const [sent, setSent] = useState(false);
  const [pending, startTransition] = useTransition();
  const [focusRequest, setFocusRequest] = useState(0);
  // One key per enquiry, so a double submit or a retry after a network failure stores it once.
  const idempotencyKey = useRef<string | null>(null);
  const thanks = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    const first = fieldOrder.find((name) => errors[name]);
    if (first) document.getElementById(first)?.focus();
  }, [focusRequest, errors]);

  useEffect(() => {
    if (sent) thanks.current?.focus();
  }, [sent]);

  const showErrors = (fieldErrors: FieldErrors, message: string) => {
    setErrors(fieldErrors);
    setStatus(message);
    setFocusRequest((n) => n + 1);
  };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = Object.fromEntries(new FormData(event.currentTarget));
    const check = validateEnquiry(values);
    if (!check.ok) return showErrors(check.errors, 'Your enquiry was not sent: please correct the fields marked.');
    setErrors({});
    idempotencyKey.current ??= crypto.randomUUID();
    const key = idempotencyKey.current;
    // Outside the transition: updates inside it only show when it ends.
    setStatus('Sending your enquiry…');
    startTransition(async () => {
      try {
        const response = await fetch('/api/join', {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json', 'idempotency-key': key },
          body: JSON.stringify(values),
        });
        if (response.ok) {
          idempotencyKey.current = null;
          setStatus('Your enquiry has been sent.');
          setSent(true);
          return;
        }
        const problem = (await response.json()) as { detail?: string; errors?: FieldErrors };
        showErrors(problem.errors ?? {}, `Your enquiry was not sent: ${problem.detail ?? 'please try again.'}`);
      } catch {
        setStatus('Your enquiry was not sent: we could not reach the site. Check your connection and try again.');
      }
    });
  }

  return (
    <section aria-labelledby="enquiry-heading" className="mt-10 rounded border border-line bg-white p-6">
      <h2 id="enquiry-heading" className="text-2xl font-bold">
        Send us your enquiry
      </h2>
      <p role="status" aria-live="polite" className="mt-2 font-semibold empty:hidden">
        {status}
      </p>
      {sent ? (
        <div className="mt-4 space-y-2">
          <h3 ref={thanks} tabIndex={-1} className="text-xl font-bold focus:outline-none">
            Thank you for your enquiry
          </h3>
          <p>
            We have received it and sent a copy to your email address. Members of the network will read it and reply to
            you; your membership is then proposed to the members on Loomio.
          </p>
        </div>
      ) : (
        <form method="post" action="/api/join" noValidate onSubmit={submit} className="mt-4 space-y-5">
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
              <FieldError name={field.name} errors={errors} />
              <Control field={field} errors={errors} />
            </div>
          ))}
          <fieldset className="space-y-3 rounded border border-line p-4">
            <legend className="px-1 font-semibold">Eligibility and consent</legend>
            {checkboxFields.map(([name, label]) => (
              <div key={name}>
                <FieldError name={name} errors={errors} />
                <div className="flex items-start gap-3">
                  <input
                    type="checkbox"
                    id={name}
                    name={name}
                    required
                    aria-invalid={errors[name] ? true : undefined}
                    aria-describedby={errors[name] ? `${name}-error` : undefined}
                    className="mt-1 size-5 shrink-0 accent-brand-dark"
                  />
                  <label htmlFor={name}>{label}</label>
                </div>
              </div>
            ))}
          </fieldset>
          <button
            type="submit"
            disabled={pending}
            aria-disabled={pending}
            className="rounded bg-brand-dark px-6 py-3 font-semibold text-white hover:bg-brand disabled:opacity-70"
          >
            {pending ? 'Sending…' : 'Send enquiry'}
          </button>
        </form>
      )}
    </section>
  );
}

function FieldError({ name, errors }: { name: EnquiryField; errors: FieldErrors }) {
  const messages = errors[name];
  if (!messages) return null;
  return (
    <p id={`${name}-error`} className="mt-1 font-semibold text-brand-dark">
      {messages.join(' ')}
    </p>
  );
}

function Control({ field, errors }: { field: FormField; errors: FieldErrors }) {
  const describedBy = [field.hint && `${field.name}-hint`, errors[field.name] && `${field.name}-error`]
    .filter(Boolean)
    .join(' ');
  const props = {
    id: field.name,
    name: field.name,
    required: field.required,
    'aria-invalid': errors[field.name] ? true : undefined,
    'aria-describedby': describedBy || undefined,
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
