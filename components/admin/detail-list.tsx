import type { ReactNode } from 'react';

/** An enquiry's or brief's fields as the admin shows them: each term beside its value. */
export function DetailList({ details }: { details: readonly [string, ReactNode][] }) {
  return (
    <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
      {details.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="font-semibold">{term}</dt>
          <dd className="break-words">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
