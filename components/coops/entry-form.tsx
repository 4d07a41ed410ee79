'use client';

import { useActionState, useEffect, useRef, type InputHTMLAttributes, type ReactNode } from 'react';
import { CoopHeader } from '@/components/members/coop-header';
import { TermSection } from '@/components/members/term-section';
import { Field, textControl } from '@/components/field';
import { coopSchema, descriptionField, type Field as FieldDeclaration } from '@/lib/content/schema';
import type { EntryValues } from '@/lib/proposals/entry';
import { editableFields, presentMarker, reasonField, type EditableField } from '@/lib/proposals/entry-fields';
import type { EntryFormState } from '@/lib/proposals/form';
import type { LogoInBox } from '@/lib/content/logo';
import type { TermEntry } from '@/lib/coops/directory';
import { monogramOf } from '@/lib/coops/monogram';

type Props = {
  /** The Server Action, bound to the co-op (lib/account/edit-coop-action.ts). */
  action: (previous: EntryFormState, data: FormData) => Promise<EntryFormState>;
  /** The page the form is on: where it posts without JavaScript. */
  permalink: string;
  coop: { slug: string; name: string; member: boolean; logo?: LogoInBox };
  current: EntryValues;
  services: readonly TermEntry[];
  technologies: readonly TermEntry[];
};

const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');
const list = (value: unknown) => (Array.isArray(value) ? value.map(String) : []);
/** A field's label: the content schema's, which its error messages name too. */
const label = (name: EditableField | 'logo') => coopSchema.fields[name].label;
/** What the form adds to a field's label for the people of a co-op (the schema's descriptions are for editors). */
const labelHints: Partial<Record<EditableField, string>> = {
  latitude: ' (map position)',
  longitude: ' (map position)',
  showEmail: ' on the co-op’s page',
};

/**
 * The edit form of a co-op's entry. A plain form posting to its own page, so it works without JavaScript: the
 * server answers a preview or field errors with the form filled in as it was sent. `current` is what it starts
 * from: the entry, with any change still waiting for an editor on top.
 */
export function EntryForm({ action, permalink, coop, current, services, technologies }: Props) {
  const [state, formAction, pending] = useActionState(action, {}, permalink);
  // The preview appears above the form while the person is at its buttons, below: it is brought to where they are
  // looking, and focused, so a screen reader reads it next. Without JavaScript the page loads at its top, where the
  // preview is.
  const preview = useRef<HTMLElement>(null);
  useEffect(() => {
    if (!state.preview || !preview.current) return;
    preview.current.scrollIntoView({ block: 'start' });
    preview.current.focus();
  }, [state]);
  const values = state.values ?? current;
  const errors = state.errors ?? {};
  const error = (name: string) =>
    errors[name] && (
      <p id={`${name}-error`} className="mt-1 font-semibold text-brand-dark">
        {errors[name]}
      </p>
    );
  const described = (name: string) =>
    errors[name] ? { 'aria-describedby': `${name}-error`, 'aria-invalid': true } : {};
  const terms = { services, technologies };
  /**
   * One field's control, made from its declaration in coopSchema: the form has one for each of `editableFields`,
   * the list the server reads (lib/proposals/entry.ts), so the two cannot drift. Tick boxes come with the empty hidden
   * value that says the form has them, ticked or not.
   */
  const control = (name: EditableField): ReactNode => {
    const field: FieldDeclaration = coopSchema.fields[name];
    const fieldLabel = `${label(name)}${labelHints[name] ?? ''}`;
    const present = <input type="hidden" name={name} value={presentMarker} />;
    switch (field.type) {
      case 'boolean':
        return (
          <div key={name}>
            {present}
            <div className="flex items-center gap-2">
              <input
                id={name}
                name={name}
                type="checkbox"
                defaultChecked={values[name] === true}
                {...described(name)}
              />
              <label htmlFor={name}>{fieldLabel}</label>
            </div>
            {error(name)}
          </div>
        );
      case 'list': {
        const choices =
          field.references === 'services' || field.references === 'technologies' ? terms[field.references] : [];
        return (
          <fieldset key={name} {...described(name)}>
            <legend className="font-semibold">{fieldLabel}</legend>
            {present}
            {error(name)}
            <div className="mt-1 grid grid-cols-2 gap-1 sm:grid-cols-3">
              {choices.map((term) => (
                <label key={term.slug} className="flex items-center gap-2">
                  <input
                    type="checkbox"
                    name={name}
                    value={term.slug}
                    defaultChecked={list(values[name]).includes(term.slug)}
                  />
                  {term.name}
                </label>
              ))}
            </div>
          </fieldset>
        );
      }
      case 'string':
      case 'number': {
        const attributes: InputHTMLAttributes<HTMLInputElement> =
          field.type === 'number'
            ? field.integer
              ? { type: 'number', min: field.min, max: field.max, step: 1 }
              : { inputMode: 'decimal' }
            : field.format === 'url' || field.format === 'email'
              ? { type: field.format }
              : {};
        return (
          <Field key={name} htmlFor={name} label={fieldLabel}>
            <input
              id={name}
              name={name}
              required={field.required}
              {...attributes}
              defaultValue={text(values[name])}
              className={textControl}
              {...described(name)}
            />
            {error(name)}
          </Field>
        );
      }
      default:
        throw new Error(`The entry form has no control for ${name}, a field of its type`);
    }
  };
  const chosen = (terms: readonly TermEntry[], slugs: string[]) => terms.filter((term) => slugs.includes(term.slug));
  const uploaded = state.logo;
  const previewLogo = uploaded
    ? {
        src: `data:image/${uploaded.name.endsWith('.svg') ? 'svg+xml' : 'png'};base64,${uploaded.data}`,
        width: uploaded.width,
        height: uploaded.height,
      }
    : coop.logo;
  return (
    <>
      {state.preview && (
        <section
          ref={preview}
          tabIndex={-1}
          aria-labelledby="preview-heading"
          className="space-y-6 rounded border-4 border-dashed border-line p-6"
        >
          <h2 id="preview-heading" className="text-xl font-bold">
            Preview: the page as it would look once the change is accepted
          </h2>
          <CoopHeader
            coop={{
              name: text(values.name),
              member: coop.member,
              town: text(values.town),
              website: text(values.website) || undefined,
              email: text(values.email) || undefined,
              showEmail: values.showEmail === true,
              workerMembers: typeof values.workerMembers === 'number' ? values.workerMembers : undefined,
            }}
            logo={previewLogo}
            monogram={monogramOf({ slug: coop.slug, name: text(values.name) || coop.name })}
          />
          {values.description && (
            <div className="space-y-4">
              {values.description.split(/\n\s*\n/).map((paragraph, index) => (
                <p key={index} className="whitespace-pre-line">
                  {paragraph}
                </p>
              ))}
            </div>
          )}
          <TermSection heading="Services" terms={chosen(services, list(values.services))} />
          <TermSection heading="Technologies" terms={chosen(technologies, list(values.technologies))} />
        </section>
      )}
      <form action={formAction} className="max-w-prose space-y-4 rounded border border-line bg-white p-6">
        {errors.form && (
          <p role="alert" className="border-l-4 border-brand bg-brand-light px-4 py-2">
            {errors.form}
          </p>
        )}
        {Object.keys(errors).some((name) => name !== 'form') && (
          <p role="alert" className="border-l-4 border-brand bg-brand-light px-4 py-2">
            Some fields need changing: see below.
          </p>
        )}
        {editableFields.map(control)}
        {/* The description is the file's body, after its front matter. */}
        <Field htmlFor="description" label={`${descriptionField.label}: Markdown, as on the co-op’s page`}>
          <textarea
            id="description"
            name="description"
            rows={8}
            maxLength={descriptionField.maxLength}
            defaultValue={values.description ?? ''}
            className={textControl}
            {...described('description')}
          />
          {error('description')}
        </Field>
        <Field
          htmlFor="logo"
          label={
            uploaded
              ? `${label('logo')} (${uploaded.name} uploaded; choose another to replace it)`
              : `${label('logo')}: an SVG or PNG file`
          }
        >
          <input
            id="logo"
            name="logo"
            type="file"
            accept=".svg,.png,image/svg+xml,image/png"
            className="mt-1 block"
            {...described('logo')}
          />
          {error('logo')}
        </Field>
        {uploaded && (
          <>
            <input type="hidden" name="logoName" value={uploaded.name} />
            <input type="hidden" name="logoData" value={uploaded.data} />
          </>
        )}
        <Field htmlFor={reasonField.name} label={`${reasonField.label}: a note for the network’s editors (optional)`}>
          <textarea
            id={reasonField.name}
            name={reasonField.name}
            rows={3}
            maxLength={reasonField.maxLength}
            defaultValue={state.reason ?? ''}
            className={textControl}
            {...described(reasonField.name)}
          />
          {error(reasonField.name)}
        </Field>
        <div className="flex flex-wrap gap-3">
          <button
            type="submit"
            name="intent"
            value="preview"
            className="rounded border border-brand-dark px-5 py-2 font-semibold"
          >
            Preview
          </button>
          <button
            type="submit"
            name="intent"
            value="send"
            className="rounded bg-brand-dark px-5 py-2 font-semibold text-white hover:bg-brand"
          >
            Send
          </button>
        </div>
        <p role="status" aria-live="polite" className="empty:hidden">
          {pending ? 'Working…' : ''}
        </p>
      </form>
    </>
  );
}
