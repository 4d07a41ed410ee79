import type { ReactNode } from 'react';

/** A text box or text area in the members' forms, as wide as the form; a select is as wide as its choices. */
export const textControl = 'mt-1 block w-full rounded border border-muted px-3 py-2';
export const selectControl = 'mt-1 rounded border border-muted px-3 py-2';

/**
 * One control of the members' forms (sign-in, people, triage, the list's filter) with its label above it. The
 * control comes as `children`, its `id` the `htmlFor` given here.
 */
export function Field({ htmlFor, label, children }: { htmlFor: string; label: string; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={htmlFor} className="block font-semibold">
        {label}
      </label>
      {children}
    </div>
  );
}
